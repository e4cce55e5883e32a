package cn.yjzf.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the pre-aggregated hazard figures (V150: hazard_fact, hazard_tally, hazard_item_tally) equal to the records.
 * {@link #refresh} re-derives the facts of the hazards a transaction changed and writes the difference as insert-only
 * +/- delta rows, so concurrent judging never waits on a shared counter row; {@link #fold} compacts the deltas.
 */
@Component
class HazardTally {

    /** The rows the live statistics join counts for a hazard: one per (hazard, rectification track), 0 = no track. */
    static final String LIVE_FACTS = "SELECT h.id, COALESCE(t.id, 0), r.agency_id, r.township_id, e.industry, r.inspection_date,"
            + " h.grade, h.citations, CASE WHEN t.status = 'PASSED' THEN 1 ELSE 0 END,"
            + " CASE WHEN t.overdue AND t.status <> 'PASSED' THEN 1 ELSE 0 END"
            + " FROM hazard h JOIN finding f ON f.id = h.finding_id JOIN inspection r ON r.id = f.inspection_id"
            + " LEFT JOIN enterprise e ON e.id = r.enterprise_id LEFT JOIN rectification_track t ON t.hazard_id = h.id"
            + " WHERE h.grade IN ('GENERAL', 'MAJOR')";
    private static final String FACT_COLUMNS = "hazard_id, track_id, agency_id, township_id, industry, inspection_date, grade,"
            + " citations, rectified, overdue";
    private static final String NULL = "\u0000null";
    private static final String MONTH = "CAST(EXTRACT(YEAR FROM inspection_date) AS INTEGER) * 100"
            + " + CAST(EXTRACT(MONTH FROM inspection_date) AS INTEGER)";
    private static final int CHUNK = 500;

    /** One pre-aggregated table: its key columns, each named as in hazard_fact, and a fact's key in that order. */
    record Tally(String table, List<String> keys) {

        List<Object> keyOf(Fact f) {
            return keys.stream().map(f::column).toList();
        }
    }

    static final List<Tally> TALLIES = List.of(
            new Tally("hazard_tally", List.of("agency_id", "township_id", "industry", "ym", "grade")),
            new Tally("hazard_item_tally", List.of("agency_id", "ym", "grade", "citations")),
            new Tally("hazard_day_tally", List.of("agency_id", "township_id", "industry", "inspection_date", "ym", "grade")));

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate oneSnapshot;

    HazardTally(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.inTransaction = new TransactionTemplate(transactions);
        this.oneSnapshot = new TransactionTemplate(transactions);
        this.oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** One counted row: what a hazard (with one of its tracks) adds to the figures. */
    record Fact(long hazardId, long trackId, long agencyId, Long townshipId, String industry, LocalDate date,
                String grade, String citations, int rectified, int overdue) {

        int month() {
            return date.getYear() * 100 + date.getMonthValue();
        }

        /** The value of a key column (a stand-in string for null, since the key lists must hold no null). */
        Object column(String name) {
            Object v = switch (name) {
                case "agency_id" -> agencyId;
                case "township_id" -> townshipId;
                case "industry" -> industry;
                case "inspection_date" -> date;
                case "ym" -> month();
                case "grade" -> grade;
                case "citations" -> citations;
                default -> throw new IllegalArgumentException(name);
            };
            return v == null ? NULL : v;
        }

        static Fact of(ResultSet rs) throws SQLException {
            long township = rs.getLong(4);
            return new Fact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.wasNull() ? null : township, rs.getString(5),
                    rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10));
        }
    }

    /** Brings the facts and tallies of these hazards in line with their records, in the caller's transaction. */
    void refresh(Collection<Long> hazardIds) {
        List<Long> ids = new ArrayList<>(new HashSet<>(hazardIds));
        for (int i = 0; i < ids.size(); i += CHUNK) {
            refreshChunk(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
    }

    private void refreshChunk(List<Long> ids) {
        MapSqlParameterSource p = new MapSqlParameterSource("ids", ids);
        // Locks the hazards' own rows (never deleted, not a shared row), then reads their facts in a new statement: two
        // transactions refreshing one hazard apply in turn, the second seeing the facts the first committed. Locking
        // the fact rows instead would let the second skip rows the first deleted and insert the same facts again.
        jdbc.queryForList("SELECT id FROM hazard WHERE id IN (:ids) ORDER BY id FOR UPDATE", p, Long.class);
        Map<Long, Set<Fact>> old = byHazard(jdbc.query("SELECT " + FACT_COLUMNS + " FROM hazard_fact WHERE hazard_id IN (:ids)",
                p, (rs, n) -> Fact.of(rs)));
        Map<Long, Set<Fact>> now = byHazard(jdbc.query(LIVE_FACTS + " AND h.id IN (:ids)", p, (rs, n) -> Fact.of(rs)));
        List<Fact> removed = new ArrayList<>();
        List<Fact> added = new ArrayList<>();
        for (Long id : ids) {
            Set<Fact> before = old.getOrDefault(id, Set.of());
            Set<Fact> after = now.getOrDefault(id, Set.of());
            if (!before.equals(after)) {
                removed.addAll(before);
                added.addAll(after);
            }
        }
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        Set<Long> changed = new HashSet<>();
        removed.forEach(f -> changed.add(f.hazardId()));
        if (!changed.isEmpty()) {
            jdbc.update("DELETE FROM hazard_fact WHERE hazard_id IN (:ids)", new MapSqlParameterSource("ids", changed));
        }
        insertFacts(added);
        insertDeltas(removed, added);
    }

    private static Map<Long, Set<Fact>> byHazard(List<Fact> facts) {
        Map<Long, Set<Fact>> m = new HashMap<>();
        facts.forEach(f -> m.computeIfAbsent(f.hazardId(), k -> new HashSet<>()).add(f));
        return m;
    }

    private void insertFacts(List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO hazard_fact (" + FACT_COLUMNS + ", ym) VALUES (:h, :t, :a, :tw, :i, :d, :g, :c, :r, :o, :m)",
                facts.stream().map(f -> new MapSqlParameterSource("h", f.hazardId()).addValue("t", f.trackId())
                        .addValue("a", f.agencyId()).addValue("tw", f.townshipId()).addValue("i", f.industry())
                        .addValue("d", Date.valueOf(f.date())).addValue("g", f.grade()).addValue("c", f.citations())
                        .addValue("r", f.rectified()).addValue("o", f.overdue()).addValue("m", f.month()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /** Net change per tally key: −1 for each fact that went, +1 for each that came; keys that net to zero write nothing. */
    private void insertDeltas(List<Fact> removed, List<Fact> added) {
        for (Tally t : TALLIES) {
            Map<List<Object>, long[]> sums = new LinkedHashMap<>();
            removed.forEach(f -> add(sums.computeIfAbsent(t.keyOf(f), k -> new long[3]), f, -1));
            added.forEach(f -> add(sums.computeIfAbsent(t.keyOf(f), k -> new long[3]), f, 1));
            List<MapSqlParameterSource> rows = new ArrayList<>();
            sums.forEach((key, v) -> {
                if (v[0] != 0 || v[1] != 0 || v[2] != 0) {
                    rows.add(row(t, key, v));
                }
            });
            insertRows(t, rows);
        }
    }

    private static void add(long[] sums, Fact f, int sign) {
        sums[0] += sign;
        sums[1] += (long) sign * f.rectified();
        sums[2] += (long) sign * f.overdue();
    }

    private static MapSqlParameterSource row(Tally t, List<Object> key, long[] v) {
        MapSqlParameterSource p = new MapSqlParameterSource("found", v[0]).addValue("rectified", v[1]).addValue("overdue", v[2]);
        for (int c = 0; c < t.keys().size(); c++) {
            Object value = key.get(c);
            p.addValue(t.keys().get(c), NULL.equals(value) ? null : value instanceof LocalDate d ? Date.valueOf(d) : value);
        }
        return p;
    }

    private void insertRows(Tally t, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + t.table() + " (" + String.join(", ", t.keys()) + ", found, rectified, overdue)"
                    + " VALUES (:" + String.join(", :", t.keys()) + ", :found, :rectified, :overdue)",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /**
     * Puts a drifted tally right while the application keeps writing (the nightly check): every hazard's facts are
     * re-derived through {@link #refresh} — whose hazard row lock orders it with any writer of the same hazard — a
     * chunk per transaction; then the tallies are recounted from the facts in one snapshot, so a delta committed after
     * that snapshot is neither deleted nor in the recount: it stays and counts once.
     */
    void repair() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM hazard UNION SELECT hazard_id FROM hazard_fact", Map.of(), Long.class);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            inTransaction.executeWithoutResult(s -> refresh(chunk));
        }
        oneSnapshot.executeWithoutResult(s -> recountTallies());
    }

    private void recountTallies() {
        for (Tally t : TALLIES) {
            String keys = String.join(", ", t.keys());
            jdbc.update("DELETE FROM " + t.table(), Map.of());
            jdbc.update("INSERT INTO " + t.table() + " (" + keys + ", found, rectified, overdue) SELECT " + keys
                    + ", COUNT(*), SUM(rectified), SUM(overdue) FROM hazard_fact GROUP BY " + keys, Map.of());
        }
    }

    /**
     * Recomputes everything from the records at once (the V150 fill), for a restore or a bulk import, while nothing
     * else writes (start-up flag): a writer refreshing a hazard meanwhile could count it twice. Online: {@link #repair}.
     */
    @Transactional
    void rebuild() {
        jdbc.update("DELETE FROM hazard_fact", Map.of());
        jdbc.update("INSERT INTO hazard_fact (" + FACT_COLUMNS + ", ym) SELECT x.*, " + MONTH + " FROM (" + LIVE_FACTS + ") x"
                + "(" + FACT_COLUMNS + ")", Map.of());
        recountTallies();
    }

    /**
     * Sums each key's delta rows into one row. Reads the rows, then deletes exactly the ids it summed: a delta committed
     * meanwhile is not among them and stays, so nothing is lost or counted twice.
     */
    @Transactional
    int fold() {
        int folded = 0;
        for (Tally t : TALLIES) {
            folded += fold(t);
        }
        return folded;
    }

    private int fold(Tally t) {
        int keys = t.keys().size();
        String keyColumns = String.join(", ", t.keys());
        String table = t.table();
        Map<List<Object>, List<Long>> ids = new HashMap<>();
        Map<List<Object>, long[]> sums = new HashMap<>();
        jdbc.query("SELECT id, " + keyColumns + ", found, rectified, overdue FROM " + table, Map.of(), rs -> {
            List<Object> key = new ArrayList<>();
            for (int c = 2; c < 2 + keys; c++) {
                Object o = rs.getObject(c);
                key.add(o == null ? NULL : o instanceof java.sql.Date d ? d.toLocalDate() : o);
            }
            ids.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong(1));
            long[] s = sums.computeIfAbsent(key, k -> new long[3]);
            for (int c = 0; c < 3; c++) {
                s[c] += rs.getLong(2 + keys + c);
            }
        });
        List<Long> gone = new ArrayList<>();
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        ids.forEach((key, rowIds) -> {
            long[] s = sums.get(key);
            boolean zero = s[0] == 0 && s[1] == 0 && s[2] == 0;
            if (rowIds.size() > 1 || zero) {
                gone.addAll(rowIds);
                if (!zero) {
                    inserts.add(row(t, key, s));
                }
            }
        });
        for (int i = 0; i < gone.size(); i += CHUNK) {
            jdbc.update("DELETE FROM " + table + " WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", gone.subList(i, Math.min(gone.size(), i + CHUNK))));
        }
        insertRows(t, inserts);
        return gone.size();
    }

    /**
     * Tally keys whose sums differ from the records (empty = the tally is right): compares the summed delta rows with
     * the live join grouped the same way, so it also catches a fact table that drifted. One snapshot for all the
     * reads (REPEATABLE READ): a write committed between two of them would otherwise show as a difference.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    List<String> differences() {
        List<String> diffs = new ArrayList<>();
        String records = "(SELECT x.*, " + MONTH + " AS ym FROM (" + LIVE_FACTS + ") x(" + FACT_COLUMNS + ")) y";
        for (Tally t : TALLIES) {
            String keys = String.join(", ", t.keys());
            compare(t.table(), "SELECT " + keys + ", COUNT(*), SUM(rectified), SUM(overdue) FROM " + records + " GROUP BY " + keys,
                    "SELECT " + keys + ", SUM(found), SUM(rectified), SUM(overdue) FROM " + t.table() + " GROUP BY " + keys,
                    t.keys().size(), diffs);
        }
        compare("hazard_fact", "SELECT " + FACT_COLUMNS + ", 1, 1, 1 FROM (" + LIVE_FACTS + ") x(" + FACT_COLUMNS + ")",
                "SELECT " + FACT_COLUMNS + ", 1, 1, 1 FROM hazard_fact", 10, diffs);
        return diffs;
    }

    private void compare(String table, String liveSql, String tallySql, int keys, List<String> diffs) {
        Map<List<Object>, List<Long>> live = sums(liveSql, keys);
        Map<List<Object>, List<Long>> tally = sums(tallySql, keys);
        tally.values().removeIf(v -> v.stream().allMatch(n -> n == 0));
        Set<List<Object>> all = new HashSet<>(live.keySet());
        all.addAll(tally.keySet());
        for (List<Object> k : all) {
            if (!Objects.equals(live.get(k), tally.get(k))) {
                diffs.add(table + " " + k + ": 记录 " + live.get(k) + "，汇总 " + tally.get(k));
            }
        }
    }

    private Map<List<Object>, List<Long>> sums(String sql, int keys) {
        Map<List<Object>, List<Long>> m = new HashMap<>();
        jdbc.query(sql, Map.of(), rs -> {
            List<Object> key = new ArrayList<>();
            for (int c = 1; c <= keys; c++) {
                Object o = rs.getObject(c);
                key.add(o instanceof Number n ? (Object) n.longValue() : o == null ? null : o.toString());
            }
            m.put(key, List.of(rs.getLong(keys + 1), rs.getLong(keys + 2), rs.getLong(keys + 3)));
        });
        return m;
    }
}

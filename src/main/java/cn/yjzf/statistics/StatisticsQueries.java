package cn.yjzf.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's aggregates, one grouped query per fact: inspections and penalty decisions straight from the records,
 * hazards from the tally {@link HazardTally} keeps equal to the records (whole months) plus hazard_fact for the edge
 * days ({@link #liveFigures} keeps the all-records version as the reference; docs/performance.md has the figures).
 *
 * <p>Definitions (docs/statistics.md): an inspection counts on its inspection date; a hazard (一般 or 重大 after
 * judgment or manual grading; 未匹配 is not a hazard) on its inspection's date; rectified = 复查通过; overdue =
 * marked overdue by the daily job and not (yet) 复查通过; a penalty = a case decided with 给予行政处罚 on its
 * decision date, its fine the decided amount.
 */
@Component
class StatisticsQueries {

    private final NamedParameterJdbcTemplate jdbc;

    StatisticsQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures per key of the dimension, keys as the SQL returns them (month "202503", township id, industry, citations). */
    Map<String, Figures> figures(StatisticsScope scope, Period period, Dimension dim) {
        return figures(scope, period, dim, false);
    }

    /** The same figures with the hazards counted from the records themselves: the reference the tally is tested against. */
    Map<String, Figures> liveFigures(StatisticsScope scope, Period period, Dimension dim) {
        return figures(scope, period, dim, true);
    }

    private Map<String, Figures> figures(StatisticsScope scope, Period period, Dimension dim, boolean live) {
        Map<String, Figures> rows = new LinkedHashMap<>();
        MapSqlParameterSource p = params(scope, period);
        if (dim != Dimension.ITEM) {
            jdbc.query("SELECT " + dim.key("inspection_date") + " AS k, COUNT(*), COUNT(DISTINCT r.enterprise_id)"
                    + " FROM inspection r" + industryJoin(dim, "r") + " WHERE " + where(scope, "r.inspection_date")
                    + groupBy(dim, "inspection_date", ""), p, rs -> {
                        Figures f = rows.computeIfAbsent(rs.getString(1), k -> new Figures());
                        f.inspections = rs.getLong(2);
                        f.enterprises = rs.getLong(3);
                    });
        }
        if (live) {
            liveHazards(rows, scope, period, dim);
        } else {
            talliedHazards(rows, scope, period, dim);
        }
        if (dim != Dimension.ITEM) {
            jdbc.query("SELECT " + dim.key("decided_on") + " AS k, COUNT(*), COALESCE(SUM(r.proposed_fine), 0)"
                    + " FROM penalty_case r" + industryJoin(dim, "r") + " WHERE r.outcome = 'PENALTY' AND "
                    + where(scope, "r.decided_on") + groupBy(dim, "decided_on", ""), p, rs -> {
                        Figures f = rows.computeIfAbsent(rs.getString(1), k -> new Figures());
                        f.penalties = rs.getLong(2);
                        f.fines = rs.getBigDecimal(3).setScale(2);
                    });
        }
        return rows;
    }

    /** Hazards straight from the records: four tables joined (the reference implementation). */
    private void liveHazards(Map<String, Figures> rows, StatisticsScope scope, Period period, Dimension dim) {
        MapSqlParameterSource p = params(scope, period);
        jdbc.query("SELECT " + dim.key("inspection_date") + " AS k, h.grade, COUNT(*),"
                + " SUM(CASE WHEN t.status = 'PASSED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.overdue AND t.status <> 'PASSED' THEN 1 ELSE 0 END)"
                + " FROM hazard h JOIN finding f ON f.id = h.finding_id JOIN inspection r ON r.id = f.inspection_id"
                + industryJoin(dim, "r") + " LEFT JOIN rectification_track t ON t.hazard_id = h.id"
                + " WHERE h.grade IN ('GENERAL', 'MAJOR') AND " + where(scope, "r.inspection_date")
                + groupBy(dim, "inspection_date", "h.grade"), p, rs -> {
                    Figures f = rows.computeIfAbsent(rs.getString(1), k -> new Figures());
                    Figures.Grade g = "MAJOR".equals(rs.getString(2)) ? f.major : f.general;
                    add(g, rs.getLong(3), rs.getLong(4), rs.getLong(5));
                });
    }

    /**
     * Hazards from the tallies (V150): the whole months of the period from hazard_tally (a few thousand rows for a
     * province-year), the days before the first and after the last whole month from hazard_day_tally (per day), the
     * standard items from hazard_item_tally with their edge days from hazard_fact. A township enforcer's scope is
     * small and read from hazard_fact entirely (the item tallies are kept per agency, not per township).
     */
    private void talliedHazards(Map<String, Figures> rows, StatisticsScope scope, Period period, Dimension dim) {
        if (scope.townshipId() != null) {
            tallied(rows, "hazard_fact", "COUNT(*)", "r.inspection_date BETWEEN :from AND :to", scope, period, dim);
            return;
        }
        LocalDate firstWhole = period.from().getDayOfMonth() == 1 ? period.from() : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = period.to().plusDays(1).getDayOfMonth() == 1 ? period.to() : period.to().withDayOfMonth(1).minusDays(1);
        String days = dim == Dimension.ITEM ? "hazard_fact" : "hazard_day_tally";
        String found = dim == Dimension.ITEM ? "COUNT(*)" : "SUM(r.found)";
        if (firstWhole.isAfter(lastWhole)) {
            tallied(rows, days, found, "r.inspection_date BETWEEN :from AND :to", scope, period, dim);
            return;
        }
        if (period.from().isBefore(firstWhole)) {
            tallied(rows, days, found, "r.inspection_date BETWEEN :from AND :to", scope,
                    new Period(period.from(), firstWhole.minusDays(1)), dim);
        }
        if (period.to().isAfter(lastWhole)) {
            tallied(rows, days, found, "r.inspection_date BETWEEN :from AND :to", scope,
                    new Period(lastWhole.plusDays(1), period.to()), dim);
        }
        tallied(rows, dim == Dimension.ITEM ? "hazard_item_tally" : "hazard_tally", "SUM(r.found)",
                "r.ym BETWEEN " + month(firstWhole) + " AND " + month(lastWhole), scope, period, dim);
    }

    /** Hazard figures summed from one of the tally tables (or counted from hazard_fact), all keyed like the records. */
    private void tallied(Map<String, Figures> rows, String table, String found, String dates, StatisticsScope scope,
                         Period period, Dimension dim) {
        String key = tallyKey(dim);
        jdbc.query("SELECT " + key + " AS k, r.grade, " + found + ", SUM(r.rectified), SUM(r.overdue) FROM " + table + " r"
                + " WHERE r.agency_id IN (:agencies)" + (scope.townshipId() == null ? "" : " AND r.township_id = :township")
                + " AND " + dates + " GROUP BY " + (dim == Dimension.TOTAL ? "" : key + ", ") + "r.grade"
                + " HAVING " + found + " <> 0 OR SUM(r.rectified) <> 0 OR SUM(r.overdue) <> 0", // deltas that cancel out
                params(scope, period), (RowCallbackHandler) rs -> addHazards(rows, rs));
    }

    private static void addHazards(Map<String, Figures> rows, java.sql.ResultSet rs) throws java.sql.SQLException {
        Figures f = rows.computeIfAbsent(rs.getString(1), k -> new Figures());
        add("MAJOR".equals(rs.getString(2)) ? f.major : f.general, rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }

    private static void add(Figures.Grade g, long found, long rectified, long overdue) {
        g.found += found;
        g.rectified += rectified;
        g.overdue += overdue;
    }

    /** The dimension's key over the tally and fact tables (alias r), equal to {@link Dimension#key} over the records. */
    private static String tallyKey(Dimension dim) {
        return switch (dim) {
            case MONTH -> "CAST(r.ym AS VARCHAR(6))";
            case INDUSTRY -> "COALESCE(r.industry, '')";
            case ITEM -> "r.citations";
            default -> dim.key("");
        };
    }

    private static int month(LocalDate d) {
        return d.getYear() * 100 + d.getMonthValue();
    }

    /**
     * Distinct enterprises inspected from 1 January to the end of each month ("202503" → count), for the 1月–X月
     * column: distinct counts cannot be added month to month, so each enterprise counts in the month of its first
     * inspection of the year and the months are summed from there.
     */
    Map<String, Long> firstInspectionMonths(StatisticsScope scope, Period period) {
        Map<String, Long> rows = new HashMap<>();
        jdbc.query("SELECT y * 100 + m AS k, COUNT(*) FROM (SELECT r.enterprise_id, EXTRACT(YEAR FROM r.inspection_date) AS y,"
                + " MIN(EXTRACT(MONTH FROM r.inspection_date)) AS m FROM inspection r WHERE "
                + where(scope, "r.inspection_date") + " GROUP BY r.enterprise_id, EXTRACT(YEAR FROM r.inspection_date)) x"
                + " GROUP BY y * 100 + m", params(scope, period),
                rs -> { rows.put(String.valueOf(rs.getLong(1)), rs.getLong(2)); });
        return rows;
    }

    /** Township and industry names for the keys, township names read from the register. */
    Map<String, String> townshipNames(StatisticsScope scope) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT id, name FROM township WHERE agency_id IN (:agencies)", params(scope, null),
                rs -> { names.put(String.valueOf(rs.getLong(1)), rs.getString(2)); });
        return names;
    }

    /** PostgreSQL refuses a constant in GROUP BY: the total groups by nothing (or only by {@code extra}). */
    private static String groupBy(Dimension dim, String dateColumn, String extra) {
        String key = dim == Dimension.TOTAL ? "" : dim.key(dateColumn);
        String by = key.isEmpty() ? extra : extra.isEmpty() ? key : key + ", " + extra;
        return by.isEmpty() ? "" : " GROUP BY " + by;
    }

    private static String industryJoin(Dimension dim, String alias) {
        return dim == Dimension.INDUSTRY ? " LEFT JOIN enterprise e ON e.id = " + alias + ".enterprise_id" : "";
    }

    private static String where(StatisticsScope scope, String dateColumn) {
        return "r.agency_id IN (:agencies)" + (scope.townshipId() == null ? "" : " AND r.township_id = :township")
                + " AND " + dateColumn + " BETWEEN :from AND :to";
    }

    private static MapSqlParameterSource params(StatisticsScope scope, Period period) {
        MapSqlParameterSource p = new MapSqlParameterSource("agencies", scope.agencyIds())
                .addValue("township", scope.townshipId());
        if (period != null) {
            p.addValue("from", period.from()).addValue("to", period.to());
        }
        return p;
    }
}

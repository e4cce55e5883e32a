package cn.yjzf.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/** Inserts records straight into the feature tables the statistics read, so a dataset can be hand-counted. */
public class StatisticsDataset {

    private static final AtomicInteger SEQ = new AtomicInteger(5000);

    private final JdbcTemplate jdbc;
    private final Map<Long, Long> orders = new HashMap<>();

    public StatisticsDataset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String table, Map<String, Object> values) {
        Map<String, Object> given = new HashMap<>(values);
        given.values().removeIf(java.util.Objects::isNull); // the rest keep their column defaults
        return new SimpleJdbcInsert(jdbc).withTableName(table).usingColumns(given.keySet().toArray(String[]::new))
                .usingGeneratedKeyColumns("id").executeAndReturnKey(given).longValue();
    }

    public long agency(String name, Long parentId) {
        Map<String, Object> v = new HashMap<>(Map.of("name", name, "short_name", name.substring(0, 2), "level", "COUNTY"));
        v.put("parent_id", parentId);
        return insert("agency", v);
    }

    public long enterprise(long agencyId, Long townshipId, String industry, String legalRepresentative) {
        int n = SEQ.incrementAndGet();
        Map<String, Object> v = new HashMap<>(Map.of("credit_code", String.format("91330100ST%08d", n), "name", "统计企业" + n,
                "industry", industry, "agency_id", agencyId, "address", "统计路" + n + "号",
                "legal_representative", legalRepresentative, "created_at", Timestamp.from(Instant.now())));
        if (townshipId != null) {
            v.put("township_id", townshipId);
        }
        return insert("enterprise", v);
    }

    public long inspection(long enterpriseId, long agencyId, Long townshipId, LocalDate date, long userId) {
        Map<String, Object> v = new HashMap<>(Map.of("enterprise_id", enterpriseId, "agency_id", agencyId,
                "inspection_date", Date.valueOf(date), "place", "车间", "status", "OPEN", "created_by", userId,
                "created_at", Timestamp.from(Instant.now())));
        if (townshipId != null) {
            v.put("township_id", townshipId);
        }
        return insert("inspection", v);
    }

    /** A hazard of the inspection; {@code status} null = no order yet, else its rectification track. */
    public long hazard(long inspectionId, String grade, String citations, String status, boolean overdue, long userId) {
        long finding = insert("finding", Map.of("inspection_id", inspectionId, "description", "统计测试隐患",
                "created_by", userId, "created_at", Timestamp.from(Instant.now())));
        long hazard = insert("hazard", Map.of("finding_id", finding, "engine_grade", grade, "grade", grade,
                "citations", citations, "fired_rules", "[]", "rule_sets", "[]", "as_of", Date.valueOf(LocalDate.of(2025, 1, 1)),
                "judged_at", Timestamp.from(Instant.now())));
        if (status != null) {
            Map<String, Object> ins = jdbc.queryForMap("SELECT agency_id, township_id FROM inspection WHERE id = ?", inspectionId);
            long order = orders.computeIfAbsent(inspectionId, i -> {
                int n = SEQ.incrementAndGet();
                return insert("rectification_order", Map.of("inspection_id", i, "agency_id", ins.get("agency_id"),
                        "document_no", "统责改〔2025〕" + n + "号", "doc_year", 2025, "doc_seq", n,
                        "issue_date", Date.valueOf(LocalDate.of(2025, 1, 1)), "issued_by", userId,
                        "issued_at", Timestamp.from(Instant.now()), "pdf", new byte[] {1}, "pdf_sha256", "0".repeat(64)));
            });
            int seq = jdbc.queryForObject("SELECT COUNT(*) FROM rectification_track WHERE order_id = ?", Integer.class, order) + 1;
            Map<String, Object> t = new HashMap<>(Map.of("order_id", order, "seq", seq, "hazard_id", hazard,
                    "agency_id", ins.get("agency_id"), "major", "MAJOR".equals(grade), "status", status,
                    "deadline", Date.valueOf(LocalDate.of(2025, 2, 1)), "overdue", overdue));
            if (ins.get("township_id") != null) {
                t.put("township_id", ins.get("township_id"));
            }
            insert("rectification_track", t);
        }
        return hazard;
    }

    /** A 挂牌督办 listing of the hazard's rectification item at a level, closed (销号) on a day or still open. */
    public long listing(long hazardId, String level, LocalDate listedOn, LocalDate closedOn, long userId) {
        Map<String, Object> t = jdbc.queryForMap("SELECT t.id, t.agency_id, t.township_id, r.enterprise_id FROM rectification_track t"
                + " JOIN hazard h ON h.id = t.hazard_id JOIN finding f ON f.id = h.finding_id JOIN inspection r ON r.id = f.inspection_id"
                + " WHERE t.hazard_id = ?", hazardId);
        Map<String, Object> v = new HashMap<>(Map.of("track_id", t.get("id"), "enterprise_id", t.get("enterprise_id"),
                "hazard_agency_id", t.get("agency_id"), "level", level, "supervising_agency_id", t.get("agency_id"),
                "rule_set", "QUZHOU_2022", "document_no", "统督〔2025〕" + SEQ.incrementAndGet() + "号",
                "responsible_person", "统计负责人", "deadline", Date.valueOf(listedOn.plusDays(90)),
                "listed_on", Date.valueOf(listedOn)));
        v.put("listed_by", userId);
        v.put("status", closedOn == null ? "RECTIFYING" : "CLOSED");
        if (closedOn != null) {
            v.put("closed_on", Date.valueOf(closedOn));
        }
        if (t.get("township_id") != null) {
            v.put("hazard_township_id", t.get("township_id"));
        }
        return insert("supervision_listing", v);
    }

    /** A penalty case at the given outcome and decision day (null: not decided yet). */
    public long penaltyCase(long agencyId, Long townshipId, Long enterpriseId, String party, String partyType,
                            String outcome, LocalDate decidedOn, BigDecimal fine, String cause, String penalty, long userId) {
        Map<String, Object> v = new HashMap<>();
        v.put("agency_id", agencyId);
        v.put("township_id", townshipId);
        v.put("enterprise_id", enterpriseId);
        v.put("party_name", party);
        v.put("party_type", partyType);
        v.put("matter_code", "AQSC-102");
        v.put("case_source", "HAZARD");
        v.put("cause", cause);
        v.put("procedure_kind", "GENERAL");
        v.put("stage", decidedOn == null ? "INVESTIGATION" : "EXECUTION");
        v.put("outcome", outcome);
        v.put("acting_mode", "OWN");
        v.put("issuing_name", "统计测试应急管理局");
        v.put("proposed_penalty", penalty);
        v.put("proposed_fine", fine);
        v.put("decided_on", decidedOn == null ? null : Date.valueOf(decidedOn));
        v.put("created_by", userId);
        v.put("created_at", Timestamp.from(Instant.now()));
        return insert("penalty_case", v);
    }

    /** A citations column as the inspection feature stores it (JSON list of Citation). */
    public static String cites(String... articleItems) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < articleItems.length; i++) {
            String[] ai = articleItems[i].split("/");
            sb.append(i == 0 ? "" : ",").append("{\"rule\":\"r").append(i).append("\",\"standard\":\"工贸企业重大事故隐患判定标准\",")
                    .append("\"documentNumber\":\"应急管理部令第10号\",\"article\":\"").append(ai[0]).append("\",\"item\":\"")
                    .append(ai[1]).append("\",\"title\":\"\",\"verification\":\"✅\",\"source\":\"\"}");
        }
        return sb.append("]").toString();
    }
}

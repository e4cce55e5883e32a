package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.PartyType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Per-agency data: the order of the review tiers and the 较大数额 thresholds (casework-facts §3), each with its source. */
@Component
class ProcedureSettings {

    enum Purpose { HEARING, LEGAL_REVIEW, COLLECTIVE }

    static final List<Stage> DEFAULT_TIERS = List.of(Stage.TIER_UNIT, Stage.TIER_LEGAL, Stage.TIER_HEAD);

    record Threshold(BigDecimal amount, boolean inclusive, String source) {

        boolean reachedBy(BigDecimal fine) {
            int c = fine.compareTo(amount);
            return c > 0 || (c == 0 && inclusive);
        }
    }

    private final JdbcTemplate jdbc;

    ProcedureSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The agency's tier order. 法制审核 is added where 行政处罚法第五十八条 requires it even if the agency left it out,
     * always before 负责人审批 (the head decides only after it).
     */
    List<Stage> tiers(Long agencyId, boolean legalReviewRequired) {
        List<String> rows = jdbc.queryForList("SELECT tiers FROM agency_review_order WHERE agency_id = ?", String.class, agencyId);
        List<Stage> tiers = rows.isEmpty() ? DEFAULT_TIERS
                : Arrays.stream(rows.get(0).split(",")).map(String::trim).map(Stage::valueOf).toList();
        if (legalReviewRequired && !tiers.contains(Stage.TIER_LEGAL)) {
            java.util.ArrayList<Stage> withLegal = new java.util.ArrayList<>(tiers);
            int head = withLegal.indexOf(Stage.TIER_HEAD);
            withLegal.add(head < 0 ? withLegal.size() : head, Stage.TIER_LEGAL);
            return List.copyOf(withLegal);
        }
        return tiers;
    }

    void setTiers(Long agencyId, List<Stage> tiers) {
        if (tiers.isEmpty() || !tiers.stream().allMatch(Stage::isTier) || tiers.stream().distinct().count() != tiers.size()
                || !tiers.contains(Stage.TIER_HEAD)) {
            throw new IllegalArgumentException("tiers");
        }
        String value = String.join(",", tiers.stream().map(Stage::name).toList());
        if (jdbc.update("UPDATE agency_review_order SET tiers = ?, version = version + 1 WHERE agency_id = ?", value, agencyId) == 0) {
            jdbc.update("INSERT INTO agency_review_order (agency_id, tiers) VALUES (?, ?)", agencyId, value);
        }
    }

    /** The threshold in force for the purpose; empty when none is configured (then the handlers decide and say why). */
    Optional<Threshold> threshold(Long agencyId, Purpose purpose, PartyType partyType, LocalDate on) {
        return jdbc.query("""
                SELECT amount, inclusive, source FROM procedure_threshold
                WHERE agency_id = ? AND purpose = ? AND party_type = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY valid_from DESC""",
                (rs, i) -> new Threshold(rs.getBigDecimal(1), rs.getBoolean(2), rs.getString(3)),
                agencyId, purpose.name(), partyType.name(), on, on).stream().findFirst();
    }
}

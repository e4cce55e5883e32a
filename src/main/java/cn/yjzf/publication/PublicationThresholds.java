package cn.yjzf.publication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which decisions must be published: per jurisdiction rows of {@code publication_threshold} (casework-facts §3, 🟡,
 * e.g. 河北 单位 ≥10万, 个人 ≥1万, and every 暂扣/吊销/降级/责令停产停业). The agency's own row wins, else its parent's,
 * up the tree. No row anywhere: the decision is listed for the approver to judge; the system does not guess.
 */
@Component
class PublicationThresholds {

    record Threshold(BigDecimal amount, boolean inclusive, boolean allSevereMeasures, String source) {
    }

    /** 暂扣或者吊销许可证件、降低资质等级、责令停产停业 (行政处罚法 第九条) named in the decided penalty. */
    private static final Pattern SEVERE = Pattern.compile("暂扣|吊销|降低资质|降级|责令停产停业|停产停业");

    private final JdbcTemplate jdbc;

    PublicationThresholds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Threshold> inForce(Long agencyId, String partyType, LocalDate on) {
        Long agency = agencyId;
        for (int depth = 0; agency != null && depth < 10; depth++) {
            List<Threshold> rows = jdbc.query("""
                    SELECT amount, inclusive, all_severe_measures, source FROM publication_threshold
                    WHERE agency_id = ? AND party_type = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                    ORDER BY valid_from DESC""",
                    (rs, i) -> new Threshold(rs.getBigDecimal(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4)),
                    agency, partyType, on, on);
            if (!rows.isEmpty()) {
                return Optional.of(rows.get(0));
            }
            agency = jdbc.query("SELECT parent_id FROM agency WHERE id = ?", rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null, agency);
        }
        return Optional.empty();
    }

    /** Why the decision must be published, or empty when it stays below the threshold in force. */
    Optional<String> basis(Long agencyId, String partyType, BigDecimal fine, String penalty, LocalDate decidedOn) {
        Optional<Threshold> t = inForce(agencyId, partyType, decidedOn);
        if (t.isEmpty()) {
            return Optional.of("本机关未配置公示标准，须人工判断");
        }
        Threshold th = t.get();
        if (th.allSevereMeasures() && penalty != null && SEVERE.matcher(penalty).find()) {
            return Optional.of("处罚种类应公示（" + th.source() + "）");
        }
        if (fine != null) {
            int c = fine.compareTo(th.amount());
            if (c > 0 || (c == 0 && th.inclusive())) {
                return Optional.of("罚款达到 " + th.amount().stripTrailingZeros().toPlainString() + " 元（" + th.source() + "）");
            }
        }
        return Optional.empty();
    }
}

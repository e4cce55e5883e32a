package cn.yjzf.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 第一百一十三条 关闭 proposal flag of an enterprise, computed from the recorded penalty decisions (casework): decided
 * cases with outcome 给予行政处罚 under the 安全生产法 catalogue (matter codes {@code AQF-…}) decided on or after the day
 * the enterprise's first 重大事故隐患 was found (before that it did not 存在重大事故隐患). The caller shows it only on
 * records the user may see.
 */
@Component
public class ClosureProposals {

    /** The penalty catalogue's prefix for the 安全生产法 (rules/penalty/anquanfa-2021/catalogue.yaml). */
    static final String WORK_SAFETY_LAW_MATTERS = "AQF-%";

    public record ClosureFlag(Long enterpriseId, String rule, List<LocalDate> decisions) {

        public String message() {
            return "关闭建议：该企业存在重大事故隐患，" + rule + "受到安全生产法规定的行政处罚（决定日期 "
                    + decisions.stream().map(LocalDate::toString).collect(Collectors.joining("、"))
                    + "），属安全生产法第一百一十三条第（一）项情形，应当提请地方人民政府予以关闭";
        }

        /** The short form for a case's pre-filled cause. */
        public String remark() {
            return "另：属安全生产法第一百一十三条第（一）项情形（" + rule + "处罚），应提请关闭";
        }
    }

    private final JdbcTemplate jdbc;

    ClosureProposals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<ClosureFlag> forEnterprise(Long enterpriseId) {
        if (enterpriseId == null) {
            return Optional.empty();
        }
        LocalDate firstMajor = jdbc.query("""
                SELECT MIN(i.inspection_date) FROM hazard h JOIN finding f ON f.id = h.finding_id
                JOIN inspection i ON i.id = f.inspection_id WHERE i.enterprise_id = ? AND h.grade = 'MAJOR'""",
                rs -> rs.next() && rs.getDate(1) != null ? rs.getDate(1).toLocalDate() : null, enterpriseId);
        if (firstMajor == null) {
            return Optional.empty();
        }
        List<LocalDate> decisions = jdbc.queryForList("""
                SELECT decided_on FROM penalty_case WHERE enterprise_id = ? AND outcome = 'PENALTY'
                AND decided_on IS NOT NULL AND decided_on >= ? AND matter_code LIKE ? ORDER BY decided_on""",
                java.sql.Date.class, enterpriseId, java.sql.Date.valueOf(firstMajor), WORK_SAFETY_LAW_MATTERS).stream().map(java.sql.Date::toLocalDate).toList();
        return ClosurePattern.find(decisions).map(m -> new ClosureFlag(enterpriseId, m.rule(), m.decisions()));
    }
}

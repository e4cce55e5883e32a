package cn.yjzf.casework;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo only (after the demo bureau is seeded): the demo bureau uses one department's published 较大数额 thresholds (🟡, casework-facts §3) so that 听证, 法制审核 and 集体讨论 can be shown.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class CaseworkDemoData {

    private final JdbcTemplate jdbc;

    CaseworkDemoData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        Long agency = jdbc.query("SELECT id FROM agency WHERE short_name = '江应急'", rs -> rs.next() ? rs.getLong(1) : null);
        if (agency == null) {
            return;
        }
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM procedure_threshold WHERE agency_id = ?", Integer.class, agency);
        if (existing == null || existing > 0) {
            return;
        }
        String source = "🟡 某地应急管理部门口径：个人2万元以上、单位5万元以上（含本数），听证、法制审核、集体讨论同一标准；"
                + "casework-facts §3，省份未标明，仅作演示";
        for (String purpose : new String[] {"HEARING", "LEGAL_REVIEW", "COLLECTIVE"}) {
            jdbc.update("INSERT INTO procedure_threshold (agency_id, purpose, party_type, amount, inclusive, valid_from, source)"
                    + " VALUES (?, ?, 'INDIVIDUAL', 20000, TRUE, DATE '2021-07-15', ?)", agency, purpose, source);
            jdbc.update("INSERT INTO procedure_threshold (agency_id, purpose, party_type, amount, inclusive, valid_from, source)"
                    + " VALUES (?, ?, 'ORGANISATION', 50000, TRUE, DATE '2021-07-15', ?)", agency, purpose, source);
        }
    }
}

package cn.yjzf.hardening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Everything a request could have written, counted: equal snapshots mean nothing was (half-)saved. */
record RowCounts(Map<String, Long> counts) {

    private static final List<String> QUERIES = List.of(
            "select count(*) from enterprise", "select count(*) from enterprise_flag",
            "select count(*) from inspection", "select count(*) from inspection_officer",
            "select count(*) from finding", "select count(*) from finding_answer", "select count(*) from hazard",
            "select coalesce(sum(version), 0) from hazard", "select coalesce(sum(version), 0) from inspection",
            "select count(*) from rectification_order", "select count(*) from rectification_item",
            "select coalesce(sum(last_value), 0) from document_sequence", "select count(*) from rule_release",
            "select coalesce(sum(version), 0) from rule_release", 
            "select count(*) from supervision_listing", "select coalesce(sum(version), 0) from supervision_listing",
            // business events only: refusals are themselves recorded (ACCESS_DENIED, NOT_FOUND, logins), by design
            "select count(*) from audit_event where action not in ('ACCESS_DENIED', 'NOT_FOUND', 'LOGIN_SUCCESS', 'LOGIN_FAILURE')");

    static RowCounts of(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String q : QUERIES) {
            counts.put(q, jdbc.queryForObject(q, Long.class));
        }
        return new RowCounts(counts);
    }
}

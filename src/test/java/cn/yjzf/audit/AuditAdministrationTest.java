package cn.yjzf.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 8 item 3 and issue 10 item 4 over HTTP on the demo bureau: logins, denials, downloads and exports are
 * audited; the audit administrator searches, exports and verifies, and reaches nothing else; nobody else reaches
 * the audit trail; health says whether the chain is intact without details.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:auditadmin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class AuditAdministrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail trail;
    @Autowired PlatformTransactionManager txManager;

    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    /** A signed-in browser session of this user (the web chain has no HTTP Basic). */
    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(username));
    }

    private long count(String actor, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ?", Long.class,
                actor, action);
    }

    @Test
    void loginSuccessAndFailureAreAuditedOnFormAndBasic() throws Exception {
        long ok = count("reviewer", "LOGIN_SUCCESS");
        long failed = count("reviewer", "LOGIN_FAILURE");
        mvc.perform(formLogin("/login").user("reviewer").password("demo1234")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("reviewer").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/enterprises").with(httpBasic("reviewer", "wrong"))).andExpect(status().isUnauthorized());
        assertThat(count("reviewer", "LOGIN_SUCCESS")).isEqualTo(ok + 1);
        assertThat(count("reviewer", "LOGIN_FAILURE")).isEqualTo(failed + 2);

        long token = count("officer2", "LOGIN_SUCCESS");
        mvc.perform(post("/api/token").with(httpBasic("officer2", "demo1234"))).andExpect(status().isOk());
        assertThat(count("officer2", "LOGIN_SUCCESS")).isEqualTo(token + 1);
    }

    @Test
    void theAuditAdministratorSeesTheAuditTrailAndNothingElse() throws Exception {
        for (String url : new String[] {"/api/enterprises", "/api/enterprises/1", "/api/inspections/1",
                "/api/rectification-orders/1", "/api/rectification-orders/1/pdf", "/api/findings/1/rejudgment"}) {
            mvc.perform(get(url).with(httpBasic("auditor", "demo1234"))).andExpect(status().isForbidden());
        }
        for (String url : new String[] {"/enterprises", "/enterprises/1", "/inspections/1", "/rules", "/checklist"}) {
            mvc.perform(get(url).with(as("auditor"))).andExpect(status().isForbidden());
        }
        long denied = count("auditor", "ACCESS_DENIED");
        mvc.perform(get("/enterprises").with(as("auditor"))).andExpect(status().isForbidden());
        assertThat(count("auditor", "ACCESS_DENIED")).isEqualTo(denied + 1);

        mvc.perform(get("/").with(as("auditor"))).andExpect(redirectedUrl("/audit"));
        mvc.perform(post("/api/token").with(httpBasic("auditor", "demo1234"))).andExpect(status().isOk());
        mvc.perform(get("/audit").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计管理")))
                .andExpect(content().string(containsString("立即校验")));
    }

    @Test
    void nobodyButTheAuditAdministratorReachesTheAuditTrailAndTheirAttemptIsAudited() throws Exception {
        for (String user : new String[] {"officer", "reviewer", "maintainer", "sysadmin", "secadmin"}) {
            long denied = count(user, "ACCESS_DENIED");
            mvc.perform(get("/api/audit/events").with(httpBasic(user, "demo1234"))).andExpect(status().isForbidden());
            mvc.perform(get("/audit").with(as(user))).andExpect(status().isForbidden());
            assertThat(count(user, "ACCESS_DENIED")).as(user).isEqualTo(denied + 2);
        }
    }

    @Test
    void searchFindsByUserActionAndRecordAndRejectsBadFieldsByName() throws Exception {
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                trail.record("officer", "SEARCH_PROBE", "enterprise", 4242L, "检索样本"));
        mvc.perform(get("/api/audit/events").param("actor", "officer").param("action", "SEARCH_PROBE")
                        .param("entityType", "enterprise").param("entityId", "4242")
                        .param("from", "2020-01-01").param("to", "2099-12-31")
                        .with(httpBasic("auditor", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].detail").value("检索样本"));
        mvc.perform(get("/api/audit/events").param("from", "2026-13-01").param("entityId", "x")
                        .with(httpBasic("auditor", "demo1234")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("from", "entityId")))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_FORMAT"));
        mvc.perform(get("/audit").param("from", "2026-13-01").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期格式应为 yyyy-MM-dd")));
    }

    /** Search days and exported times are the bureau's (北京时间), whatever the server's own zone is. */
    @Test
    void searchDaysAndExportedTimesAreTheBureaus() throws Exception {
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                trail.record("officer", "ZONE_PROBE", "enterprise", 4343L, "时区样本"));
        String today = cn.yjzf.BeijingDate.today().toString();
        mvc.perform(get("/api/audit/events").param("action", "ZONE_PROBE").param("from", today).param("to", today)
                        .with(httpBasic("auditor", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        java.time.Instant at = jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE action = 'ZONE_PROBE'",
                java.sql.Timestamp.class).toInstant();
        String csv = mvc.perform(get("/audit/export.csv").param("action", "ZONE_PROBE").with(as("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .format(at.atZone(java.time.ZoneId.of("Asia/Shanghai"))));
    }

    @Test
    void csvExportNeutralisesFormulasAndIsItselfAudited() throws Exception {
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                trail.record("=cmd|' /C calc'!A0", "CSV_PROBE", "enterprise", 7L, "@SUM(1+1)"));
        long exports = count("auditor", "EXPORT");
        String csv = mvc.perform(get("/audit/export.csv").param("action", "CSV_PROBE").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF序号,时间,用户,操作,记录类型,记录编号,详情,散列")
                .contains("'=cmd|' /C calc'!A0", "'@SUM(1+1)").doesNotContain(",=cmd", ",@SUM");
        assertThat(count("auditor", "EXPORT")).isEqualTo(exports + 1);
    }

    @Test
    void verificationRunsFromTheApiAndThePageAndHealthShowsNoDetailsAnonymously() throws Exception {
        mvc.perform(post("/api/audit/verification").with(httpBasic("auditor", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
        mvc.perform(post("/audit/verify").with(as("auditor")).with(csrf()))
                .andExpect(redirectedUrl("/audit?verified"));
        mvc.perform(get("/audit").with(as("auditor")))
                .andExpect(content().string(containsString("审计链完整")));
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void aMissingAndAnOutOfJurisdictionRecordAreAuditedAlike() throws Exception {
        long officer = count("officer", "NOT_FOUND");
        long township = count("township", "NOT_FOUND");
        mvc.perform(get("/api/enterprises/999999").with(httpBasic("officer", "demo1234"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/enterprises/1").with(httpBasic("township", "demo1234"))).andExpect(status().isNotFound());
        assertThat(count("officer", "NOT_FOUND")).isEqualTo(officer + 1);
        assertThat(count("township", "NOT_FOUND")).isEqualTo(township + 1);
    }

    @Test
    void aPdfDownloadIsAudited() throws Exception {
        String inspection = mvc.perform(post("/api/inspections").with(httpBasic("officer", "demo1234"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"煤磨车间","officerIds":[1,2]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = inspection.replaceAll("^\\{\"id\":(\\d+),.*$", "$1");
        mvc.perform(post("/api/inspections/" + id + "/findings").with(httpBasic("officer", "demo1234"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"checklistGroup":"GM-06-06","answers":{"GM-06-06-GAS":"未设置"},"description":"燃气配气间"}"""))
                .andExpect(status().isCreated());
        String order = mvc.perform(post("/api/inspections/" + id + "/rectification-order").with(httpBasic("officer", "demo1234"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"issueDate":"2025-06-10","deadlines":{"1":"2025-06-30"}}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String pdfUrl = order.replaceAll("^.*\"pdfUrl\":\"([^\"]+)\".*$", "$1");
        long downloads = count("officer", "PDF_DOWNLOAD");
        mvc.perform(get(pdfUrl).with(httpBasic("officer", "demo1234"))).andExpect(status().isOk());
        assertThat(count("officer", "PDF_DOWNLOAD")).isEqualTo(downloads + 1);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'PDF_DOWNLOAD' ORDER BY seq DESC LIMIT 1",
                String.class)).isEqualTo("GET " + pdfUrl);
    }
}

package cn.yjzf.rectification;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily job marks items past their deadline (and audits each), leaves current and closed ones alone, and runs
 * under a ShedLock lock: a second run while the lock is held (as another instance would attempt) does nothing.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:overduejob;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class OverdueRectificationJobTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired OverdueRectificationJob job;

    private final ObjectMapper json = new ObjectMapper();

    private long issue(String bearer, LocalDate inspected, LocalDate deadline) throws Exception {
        String inspection = json.readTree(postJson(bearer, "/api/inspections", "{\"enterpriseId\":1,\"inspectionDate\":\""
                + inspected + "\",\"place\":\"煤磨车间\",\"officerIds\":[1,2]}")).get("id").asText();
        postJson(bearer, "/api/inspections/" + inspection + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        long order = json.readTree(postJson(bearer, "/api/inspections/" + inspection + "/rectification-order",
                "{\"issueDate\":\"" + inspected + "\",\"defaultDeadline\":\"" + deadline + "\"}")).get("id").asLong();
        return jdbc.queryForObject("select id from rectification_track where order_id = ?", Long.class, order);
    }

    private String postJson(String bearer, String url, String body) throws Exception {
        return mvc.perform(post(url).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private boolean overdue(long track) {
        return jdbc.queryForObject("select overdue from rectification_track where id = ?", Boolean.class, track);
    }

    @Test
    void marksOnlyItemsPastTheirDeadlineAndRunsOnceWhileTheLockIsHeld() throws Exception {
        String token = json.readTree(mvc.perform(post("/api/token").with(httpBasic("officer", "demo1234")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("accessToken").asText();
        String bearer = "Bearer " + token;
        LocalDate today = BeijingDate.today();
        long late = issue(bearer, today.minusDays(30), today.minusDays(1));
        long current = issue(bearer, today, today.plusDays(5));
        long closedLate = issue(bearer, today.minusDays(30), today.minusDays(2));
        jdbc.update("update rectification_track set status = 'PASSED' where id = ?", closedLate);

        job.run();

        assertThat(overdue(late)).isTrue();
        assertThat(overdue(current)).isFalse();
        assertThat(overdue(closedLate)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'RECTIFICATION_OVERDUE' "
                + "and entity_id = ?", Integer.class, late)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'rectification-overdue'",
                Integer.class)).isEqualTo(1);

        // another instance firing now finds the lock held (lockAtLeastFor) and does nothing
        long laterStill = issue(bearer, today.minusDays(30), today.minusDays(1));
        job.run();
        assertThat(overdue(laterStill)).isFalse();

        // once the lock has expired the next run marks it
        jdbc.update("update shedlock set lock_until = locked_at where name = 'rectification-overdue'");
        job.run();
        assertThat(overdue(laterStill)).isTrue();
    }
}

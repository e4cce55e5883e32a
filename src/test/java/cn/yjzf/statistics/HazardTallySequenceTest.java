package cn.yjzf.statistics;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.yjzf.rectification.RectificationLifecycle;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every kind of change that moves a hazard figure, made through the application as users make it (judging a finding,
 * grading a 未匹配 one by hand, issuing the order, the overdue job, progress, re-inspection passed or failed with a new
 * deadline, folding the deltas), in a seeded random order; after each step the tally-based figures must equal the
 * figures counted live from the records for every dimension and for whole-month and mid-month periods, and the
 * tally check must find no difference.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:tallyseq;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class HazardTallySequenceTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired StatisticsQueries queries;
    @Autowired HazardTally tally;
    @Autowired RectificationLifecycle lifecycle;
    @Autowired HazardTallyJob job;

    private final ObjectMapper json = new ObjectMapper();
    private String bearer;
    private int checks;

    @Test
    void tallyFiguresEqualLiveFiguresAfterEveryChange() throws Exception {
        bearer = "Bearer " + json.readTree(mvc.perform(post("/api/token").with(httpBasic("officer", "demo1234")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("accessToken").asText();
        assertSame("demo data");
        Random random = new Random(20261127L);
        LocalDate today = BeijingDate.today();
        for (int round = 0; round < 4; round++) {
            LocalDate inspected = today.minusDays(20 + random.nextInt(60));
            String inspection = json.readTree(call(post("/api/inspections"), "{\"enterpriseId\":" + 1
                    + ",\"inspectionDate\":\"" + inspected + "\",\"place\":\"车间\",\"officerIds\":[1,2]}")).get("id").asText();
            for (int k = 0; k < 2; k++) {
                call(post("/api/inspections/" + inspection + "/findings"), "{\"checklistGroup\":\"GM-06-06\","
                        + "\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
                assertSame("judged finding");
            }
            String free = json.readTree(call(post("/api/inspections/" + inspection + "/findings"),
                    "{\"description\":\"消防通道堵塞\"}")).get("id").asText();
            assertSame("unmatched finding");
            long version = jdbc.queryForObject("SELECT version FROM hazard WHERE finding_id = ?", Long.class, Long.valueOf(free));
            call(put("/api/inspections/" + inspection + "/findings/" + free + "/grade"), "{\"grade\":\""
                    + (random.nextBoolean() ? "MAJOR" : "GENERAL") + "\",\"reason\":\"人工判定理由\",\"version\":" + version + "}");
            assertSame("manual grade");
            LocalDate deadline = random.nextBoolean() ? today.minusDays(2) : today.plusDays(10);
            call(post("/api/inspections/" + inspection + "/rectification-order"),
                    "{\"issueDate\":\"" + inspected + "\",\"defaultDeadline\":\"" + deadline + "\"}");
            assertSame("order issued");
            lifecycle.markOverdue(today);
            assertSame("overdue job");
            List<Long> tracks = jdbc.queryForList("SELECT t.id FROM rectification_track t JOIN rectification_order o"
                    + " ON o.id = t.order_id WHERE o.inspection_id = ? ORDER BY t.id", Long.class, Long.valueOf(inspection));
            for (Long track : tracks) {
                step(track, "progress", "{\"note\":\"正在整改\"");
                step(track, "reinspection-request", "{\"note\":\"整改完成\"");
                boolean passed = random.nextInt(3) > 0;
                step(track, "reinspection", passed ? "{\"note\":\"复查合格\",\"passed\":true"
                        : "{\"note\":\"复查不合格\",\"passed\":false,\"newDeadline\":\"" + today.plusDays(5) + "\"");
                assertSame(passed ? "re-inspection passed" : "re-inspection failed, new deadline");
                if (!passed && random.nextBoolean()) {
                    step(track, "progress", "{\"note\":\"重新整改\"");
                    step(track, "reinspection-request", "{\"note\":\"再次整改完成\"");
                    step(track, "reinspection", "{\"note\":\"二次复查合格\",\"passed\":true");
                    assertSame("reopened and passed");
                }
            }
            if (round % 2 == 1) {
                tally.fold();
                assertSame("folded");
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rectification_track WHERE status = 'PASSED'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hazard_fact WHERE grade = 'MAJOR'", Long.class)).isPositive();
        assertThat(checks).isGreaterThan(20);
    }

    /**
     * Two officers judging at the same time findings that land on the same tally keys (same enterprise, township,
     * industry, day and grade): the deltas are separate rows, so neither waits on a shared counter and none is lost.
     */
    @Test
    void concurrentJudgingOfTheSameKeysLosesNothing() throws Exception {
        bearer = "Bearer " + json.readTree(mvc.perform(post("/api/token").with(httpBasic("officer", "demo1234")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("accessToken").asText();
        LocalDate day = BeijingDate.today().minusDays(3);
        List<String> inspections = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            inspections.add(json.readTree(call(post("/api/inspections"), "{\"enterpriseId\":1,\"inspectionDate\":\"" + day
                    + "\",\"place\":\"车间\",\"officerIds\":[1,2]}")).get("id").asText());
        }
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM hazard_fact", Long.class);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (String inspection : inspections) {
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 8; k++) {
                        call(post("/api/inspections/" + inspection + "/findings"), "{\"checklistGroup\":\"GM-06-06\","
                                + "\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hazard_fact", Long.class)).isEqualTo(before + 16);
        assertSame("concurrent judging");
    }

    /**
     * A tally that drifted from the records (a stray delta, a stray fact, a real hazard's fact gone wrong) is found by
     * the nightly check and repaired hazard by hazard while the application keeps writing.
     */
    @Test
    void theNightlyCheckFindsDriftAndRepairsTheTally() {
        assertThat(tally.differences()).isEmpty();
        long agency = jdbc.queryForObject("SELECT MIN(id) FROM agency", Long.class);
        jdbc.update("INSERT INTO hazard_tally (agency_id, township_id, industry, ym, grade, found, rectified, overdue)"
                + " VALUES (?, NULL, 'CHEMICAL', 202501, 'MAJOR', 1, 0, 0)", agency);
        jdbc.update("INSERT INTO hazard_fact (hazard_id, track_id, agency_id, township_id, industry, inspection_date, ym, grade,"
                + " citations, rectified, overdue) VALUES (-1, 0, ?, NULL, NULL, DATE '2025-01-02', 202501, 'GENERAL', '[]', 0, 0)", agency);
        long real = jdbc.queryForObject("SELECT MIN(hazard_id) FROM hazard_fact WHERE hazard_id > 0", Long.class);
        jdbc.update("UPDATE hazard_fact SET rectified = 1 - rectified WHERE hazard_id = ?", real);
        assertThat(tally.differences()).anySatisfy(d -> assertThat(d).startsWith("hazard_tally"))
                .anySatisfy(d -> assertThat(d).startsWith("hazard_fact [-1,"))
                .anySatisfy(d -> assertThat(d).startsWith("hazard_fact [" + real + ","));

        job.check();

        assertThat(tally.differences()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hazard_fact WHERE hazard_id = -1", Long.class)).isZero();
    }

    /** The repair runs while an officer keeps judging: every hazard counts once, and the officer's requests all succeed. */
    @Test
    void aRepairWhileOfficersJudgeCountsEveryHazardOnce() throws Exception {
        bearer = "Bearer " + json.readTree(mvc.perform(post("/api/token").with(httpBasic("officer", "demo1234")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("accessToken").asText();
        String inspection = json.readTree(call(post("/api/inspections"), "{\"enterpriseId\":1,\"inspectionDate\":\""
                + BeijingDate.today().minusDays(2) + "\",\"place\":\"车间\",\"officerIds\":[1,2]}")).get("id").asText();
        long agency = jdbc.queryForObject("SELECT MIN(id) FROM agency", Long.class);
        jdbc.update("INSERT INTO hazard_tally (agency_id, township_id, industry, ym, grade, found, rectified, overdue)"
                + " VALUES (?, NULL, 'CHEMICAL', 202501, 'MAJOR', 3, 0, 0)", agency);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var judging = pool.submit(() -> {
                for (int k = 0; k < 12; k++) {
                    call(post("/api/inspections/" + inspection + "/findings"), "{\"checklistGroup\":\"GM-06-06\","
                            + "\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
                }
                return null;
            });
            var repairing = pool.submit(() -> {
                tally.repair();
                tally.repair();
                return null;
            });
            judging.get();
            repairing.get();
        } finally {
            pool.shutdown();
        }
        assertSame("repair during judging");
    }

    private void step(long track, String action, String bodyStart) throws Exception {
        long version = jdbc.queryForObject("SELECT version FROM rectification_track WHERE id = ?", Long.class, track);
        String body = call(post("/api/rectification-items/" + track + "/" + action), bodyStart + ",\"version\":" + version + "}");
        assertThat(body).doesNotContain("\"status\":4").doesNotContain("\"status\":5");
    }

    private String call(MockHttpServletRequestBuilder request, String body) throws Exception {
        var response = mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(request + " " + body + " → " + response.getContentAsString(StandardCharsets.UTF_8))
                .isBetween(200, 299);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Tally-based figures equal live ones for every dimension, a whole-year and two mid-month periods. */
    private void assertSame(String after) {
        checks++;
        StatisticsScope all = new StatisticsScope(new HashSet<>(jdbc.queryForList("SELECT id FROM agency", Long.class)), null);
        LocalDate today = BeijingDate.today();
        List<Period> periods = List.of(new Period(today.withDayOfYear(1).minusYears(1), today),
                new Period(today.minusDays(75), today.minusDays(3)), new Period(today.minusDays(40), today.minusDays(25)));
        for (Period period : periods) {
            for (Dimension dim : Dimension.values()) {
                assertThat(rows(queries.figures(all, period, dim))).as(after + ": " + dim + " " + period)
                        .isEqualTo(rows(queries.liveFigures(all, period, dim)));
            }
        }
        assertThat(tally.differences()).as(after).isEmpty();
    }

    private static Map<String, List<String>> rows(Map<String, Figures> figures) {
        Map<String, List<String>> rows = new TreeMap<>();
        figures.forEach((k, f) -> rows.put(k, new ArrayList<>(DashboardBuilder.row(k, f))));
        return rows;
    }
}

package cn.yjzf.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.casework.CaseView;
import cn.yjzf.casework.CaseViews;
import cn.yjzf.flow.EmbeddedPostgresHolder;
import cn.yjzf.flow.Fixtures;
import cn.yjzf.organisation.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case page's data (case, open task, 40-transition history, acts, deadlines on the working-day calendar, what the
 * procedure rules say is missing) on PostgreSQL holding {@code bench.cases} (default 100,000) cases with 8 transitions
 * each. Writes target/benchmark/casework.md. Run with {@code ./mvnw -Pbenchmark test -Dtest=CaseworkBenchmark}.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class CaseworkBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 100_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 500);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresHolder.jdbcUrl("casebench"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired Fixtures fixtures;
    @Autowired CaseViews views;

    @Test
    void casePageWith40TransitionsAmong100000Cases() throws Exception {
        Fixtures.Bureau b = fixtures.bureau("基准");
        CurrentUser officer = b.officer();
        long t0 = System.nanoTime();
        long first = seed(b.agency().getId(), officer.id(), officer.id(), b.officer2().id());
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        long target = first + CASES / 2;
        jdbc.update("DELETE FROM case_transition WHERE case_id = ?", target);
        List<Object[]> forty = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forty.add(new Object[] {target, i % 2 == 0 ? "TIER_UNIT" : "HANDLING", i % 2 == 0 ? "HANDLING" : "TIER_UNIT",
                    i % 2 == 0 ? "SUBMIT" : "RETURN", officer.id(), "基准", "承办人", Timestamp.from(Instant.now()), "第" + i + "次"});
        }
        jdbc.batchUpdate("INSERT INTO case_transition (case_id, from_stage, to_stage, action, actor_id, actor_name, actor_role,"
                + " occurred_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", forty);
        jdbc.execute("ANALYZE");

        CaseView v = views.of(officer, target);
        assertThat(v.history()).hasSize(40);
        assertThat(v.deadlines()).isNotEmpty();
        for (int i = 0; i < 50; i++) {
            views.of(officer, target);
        }
        long[] ns = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long s = System.nanoTime();
            views.of(officer, target);
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        long transitions = jdbc.queryForObject("SELECT COUNT(*) FROM case_transition", Long.class);
        String report = String.join("\n",
                "# 办案基准测试结果（CaseworkBenchmark）", "",
                "- 时间：" + Instant.now() + "；" + Runtime.getRuntime().availableProcessors() + " 核，Java "
                        + System.getProperty("java.version") + "；PostgreSQL（嵌入式，同机）",
                "- 数据：" + CASES + " 件案件，" + transitions + " 条流转记录（写入用时 " + String.format("%.1f", seedSeconds) + " 秒）",
                "- 测量：一件有 40 条流转记录的案件的案件页数据（案件、待办、40 条历史、调查取证、期限表（工作日历）、程序规则检查），"
                        + ROUNDS + " 次，预热 50 次", "",
                "| p50 | p90 | p99 | 最大 |", "|---:|---:|---:|---:|",
                String.format("| %.2f 毫秒 | %.2f 毫秒 | %.2f 毫秒 | %.2f 毫秒 |", ms(ns, 0.5), ms(ns, 0.9), ms(ns, 0.99),
                        ns[ns.length - 1] / 1e6), "");
        Path out = Path.of("target", "benchmark", "casework.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }

    /** {@code CASES} cases in the investigation step, each with 8 transitions; returns the first id. */
    private long seed(Long agency, Long creator, Long h1, Long h2) {
        Long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM penalty_case", Long.class);
        LocalDate filed = LocalDate.of(2026, 3, 2);
        int batch = 5_000;
        for (int from = 0; from < CASES; from += batch) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < Math.min(CASES, from + batch); i++) {
                rows.add(new Object[] {agency, "基准企业" + i, "ORGANISATION", "AQF-102", "HAZARD", "基准案件" + i,
                        "GENERAL", "TIER_LEGAL", "OWN", "基准局", "TIER_UNIT,TIER_LEGAL,TIER_HEAD", "罚款", 30000,
                        Date.valueOf(filed), Date.valueOf(filed.plusDays(90)), creator, Timestamp.from(Instant.now())});
            }
            jdbc.batchUpdate("INSERT INTO penalty_case (agency_id, party_name, party_type, matter_code, case_source, cause,"
                    + " procedure_kind, stage, acting_mode, issuing_name, review_tiers, proposed_penalty, proposed_fine,"
                    + " filed_on, handling_deadline, created_by, created_at, outcome, legal_review_required)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENALTY', TRUE)", rows);
        }
        long first = before + 1;
        jdbc.update("INSERT INTO penalty_case_handler (case_id, user_id) SELECT id, ? FROM penalty_case WHERE id >= ?", h1, first);
        jdbc.update("INSERT INTO penalty_case_handler (case_id, user_id) SELECT id, ? FROM penalty_case WHERE id >= ?", h2, first);
        jdbc.update("INSERT INTO case_task (case_id, agency_id, stage, role, status, created_at, due_on)"
                + " SELECT id, agency_id, 'TIER_LEGAL', 'LEGAL_REVIEWER', 'OPEN', created_at, handling_deadline FROM penalty_case WHERE id >= ?", first);
        String[][] steps = {{null, "DRAFT", "OPEN"}, {"DRAFT", "FILING_REVIEW", "SUBMIT_FILING"},
                {"FILING_REVIEW", "INVESTIGATION", "APPROVE"}, {"INVESTIGATION", "HANDLING", "CONCLUDE_INVESTIGATION"},
                {"HANDLING", "TIER_UNIT", "SUBMIT"}, {"TIER_UNIT", "HANDLING", "RETURN"}, {"HANDLING", "TIER_UNIT", "SUBMIT"},
                {"TIER_UNIT", "TIER_LEGAL", "APPROVE"}};
        for (String[] s : steps) {
            jdbc.update("INSERT INTO case_transition (case_id, from_stage, to_stage, action, actor_id, actor_name, actor_role, occurred_at)"
                    + " SELECT id, ?, ?, ?, ?, '基准', '承办人', created_at FROM penalty_case WHERE id >= ?", s[0], s[1], s[2], creator, first);
        }
        return first;
    }
}

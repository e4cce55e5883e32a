package cn.yjzf.rulerelease;

import cn.yjzf.review.ReviewStatus;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.organisation.CurrentUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Swapping the rule base while judgments run, through the production path: the live pointer moves between two
 * approved releases and {@link LiveRules#sync()} follows it. Every judgment uses one rule base from start to end
 * (its grade matches the version it reports), judgments really ran on both versions, and no worker failed.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:swap;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true", "app.rules.sync-interval=PT1H", "app.rules.watch-interval=PT1H",
        "app.rules.orphan-check-interval=PT1H"})
class RuleSwapTest {

    static final FindingFacts FINDING = new FindingFacts(new EnterpriseFacts("机械", Set.of(), null), "工贸",
            LocalDate.of(2024, 1, 10), Map.of("EX-01-DEVICE", "否"));
    static Path rulesDir;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) throws IOException {
        rulesDir = RuleLifecycleTest.copyOfFixture("rules-swap-");
        registry.add("app.rules.dir", () -> rulesDir.toString());
    }

    @Autowired RuleReleaseService releases;
    @Autowired LiveRules live;
    @Autowired RuleEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    private CurrentUser as(String username) {
        CurrentUser u = (CurrentUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        return u;
    }

    /** The new standard's item downgraded to 一般 in version 2.0.0, approved: the second live release. */
    private Long approveDowngrade() throws Exception {
        for (String[] edit : List.of(
                new String[] {"example-new/ruleset.yaml", "version: 1.0.0", "version: 2.0.0"},
                new String[] {"example-new/rules.drl", "HazardMatch.major", "HazardMatch.general"},
                new String[] {"example-new/scenarios/rules.yaml", "grade: 重大事故隐患", "grade: 一般事故隐患"})) {
            Path f = rulesDir.resolve(edit[0]);
            Files.writeString(f, Files.readString(f).replace(edit[1], edit[2]), StandardCharsets.UTF_8);
        }
        RuleRelease r = releases.submitDirectory(as("maintainer"), "改判一般").validated().get(2, TimeUnit.MINUTES);
        assertThat(r.getStatus()).isEqualTo(ReviewStatus.VALIDATED);
        releases.approve(as("reviewer"), r.getId(), r.getVersion(), "同意");
        SecurityContextHolder.clearContext();
        return r.getId();
    }

    private static HazardGrade expected(String version) {
        return version.equals("1.0.0") ? HazardGrade.MAJOR : HazardGrade.GENERAL;
    }

    @Test
    void judgmentsRunningWhileLiveRulesSwapUseOneRuleBaseEachAndSeeBothVersions() throws Exception {
        Long v1 = releases.liveReleaseId();
        RuleBase snapshotV1 = engine.ruleBase();
        Long v2 = approveDowngrade();
        live.sync();
        assertThat(live.installedRelease()).isEqualTo(v2);
        assertThat(engine.judge(FINDING).grade()).isEqualTo(HazardGrade.GENERAL);
        assertThat(RuleEngine.judge(snapshotV1, FINDING).grade()).isEqualTo(HazardGrade.MAJOR); // a kept snapshot still works

        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, LongAdder> judgedWith = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> inconsistent = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    JudgmentResult r = engine.judge(FINDING);
                    String version = r.ruleSets().get(0).version();
                    judgedWith.computeIfAbsent(version, k -> new LongAdder()).increment();
                    if (r.grade() != expected(version)) {
                        inconsistent.add(version + " → " + r.grade());
                    }
                }
                return null;
            }));
        }
        try {
            for (int i = 0; i < 10; i++) {
                Long target = i % 2 == 0 ? v1 : v2;
                String version = target.equals(v1) ? "1.0.0" : "2.0.0";
                long before = judgedWith.getOrDefault(version, new LongAdder()).sum();
                jdbc.update("UPDATE rule_live SET release_id = ? WHERE id = 1", target); // as an approval elsewhere would
                live.sync();
                assertThat(live.installedRelease()).isEqualTo(target);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (judgedWith.getOrDefault(version, new LongAdder()).sum() <= before && System.nanoTime() < deadline) {
                    Thread.sleep(1); // until the workers have judged with the version just installed
                }
            }
        } finally {
            running.set(false);
            pool.shutdown();
        }
        for (Future<?> worker : workers) {
            worker.get(1, TimeUnit.MINUTES); // rethrows anything a worker threw
        }
        assertThat(inconsistent).isEmpty();
        assertThat(judgedWith.keySet()).containsExactlyInAnyOrder("1.0.0", "2.0.0");
        assertThat(judgedWith.values()).allSatisfy(n -> assertThat(n.sum()).isGreaterThanOrEqualTo(5));
        jdbc.update("UPDATE rule_live SET release_id = ? WHERE id = 1", v2);
    }
}

package cn.yjzf.rulerelease;

import cn.yjzf.review.ReviewStatus;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.YjzfApplication;
import cn.yjzf.flow.EmbeddedPostgresHolder;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.inspection.FindingView;
import cn.yjzf.inspection.Inspection;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.organisation.CurrentUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.FileSystemUtils;

/**
 * Two application instances on one PostgreSQL: a release approved on one goes live on both (the other follows the
 * live pointer on its own schedule) and both judge with it; a rejected release — one that really differs — goes
 * live on neither.
 */
class TwoInstancesTest {

    private static ConfigurableApplicationContext start(Path rules, boolean demo) {
        return new SpringApplicationBuilder(YjzfApplication.class).run(
                "--spring.profiles.active=postgres", "--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl("two_instances"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--app.demo-data=" + demo, "--app.rules.dir=" + rules,
                "--app.audit.hmac-secret=dGVzdC1hdWRpdC1rZXktZm9yLXBvc3RncmVzLXRlc3RzLTMyYnl0ZXM=",
                "--app.rules.sync-interval=PT0.5S", "--app.rules.watch-interval=PT1H");
    }

    private static CurrentUser as(ConfigurableApplicationContext app, String username) {
        CurrentUser u = (CurrentUser) app.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        return u;
    }

    static final FindingFacts FINDING = new FindingFacts(new EnterpriseFacts("机械", Set.of(), null), "工贸",
            LocalDate.of(2024, 1, 10), Map.of("EX-01-DEVICE", "否"));

    private static void edit(Path rules, String file, String from, String to) throws IOException {
        Path f = rules.resolve(file);
        String before = Files.readString(f);
        assertThat(before).contains(from);
        Files.writeString(f, before.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Judges on an instance, and records a finding through its inspection service: both must use {@code version}. */
    private static void judgesWith(ConfigurableApplicationContext app, String version, HazardGrade grade) {
        JudgmentResult r = app.getBean(RuleEngine.class).judge(FINDING);
        assertThat(r.grade()).isEqualTo(grade);
        assertThat(r.ruleSets()).singleElement().satisfies(s -> assertThat(s.display()).startsWith("example-new@" + version + "#"));
        CurrentUser officer = as(app, "officer");
        Long enterprise = app.getBean(EnterpriseService.class).search(officer.jurisdiction(), "恒通机械").get(0).getId();
        InspectionService inspections = app.getBean(InspectionService.class);
        Inspection i = inspections.open(officer, new NewInspection(enterprise, FINDING.inspectionDate(), "铸造车间",
                Set.of(officer.id(), as(app, "officer2").id())));
        FindingView stored = inspections.addFinding(as(app, "officer"), i.getId(),
                new NewFinding("EX-01", FINDING.answers(), "测试装置未设置", null));
        assertThat(stored.hazard().getGrade()).isEqualTo(grade);
        assertThat(stored.hazard().getRuleSets()).singleElement().asString().startsWith("example-new@" + version + "#");
    }

    @Test
    void bothInstancesSwitchToTheApprovedReleaseAndNeverToARejectedOne() throws Exception {
        Path rules = Files.createTempDirectory(Path.of("target"), "rules-two-");
        FileSystemUtils.copyRecursively(RuleLifecycleTest.FIXTURE, rules);
        try (ConfigurableApplicationContext a = start(rules, true); ConfigurableApplicationContext b = start(rules, false)) {
            RuleReleaseService releasesA = a.getBean(RuleReleaseService.class);
            Long first = releasesA.liveReleaseId();
            assertThat(b.getBean(LiveRules.class).installedRelease()).isEqualTo(first);
            judgesWith(a, "1.0.0", HazardGrade.MAJOR);
            judgesWith(b, "1.0.0", HazardGrade.MAJOR);

            // The second release downgrades the item to 一般: a change both instances must show in their judgments.
            edit(rules, "example-new/ruleset.yaml", "version: 1.0.0", "version: 2.0.0");
            edit(rules, "example-new/rules.drl", "HazardMatch.major", "HazardMatch.general");
            edit(rules, "example-new/scenarios/rules.yaml", "grade: 重大事故隐患", "grade: 一般事故隐患");
            RuleRelease second = releasesA.submitDirectory(as(a, "maintainer"), "新版本").validated().get(2, TimeUnit.MINUTES);
            releasesA.approve(as(a, "reviewer"), second.getId(), second.getVersion(), "同意");

            // The rejected release really differs from the approved one (3.0.0 upgrades the item back to 重大).
            edit(rules, "example-new/ruleset.yaml", "version: 2.0.0", "version: 3.0.0");
            edit(rules, "example-new/rules.drl", "HazardMatch.general", "HazardMatch.major");
            edit(rules, "example-new/scenarios/rules.yaml", "grade: 一般事故隐患", "grade: 重大事故隐患");
            RuleRelease third = releasesA.submitDirectory(as(a, "maintainer"), "被驳回的版本").validated().get(2, TimeUnit.MINUTES);
            releasesA.reject(as(a, "reviewer"), third.getId(), third.getVersion(), "不同意");

            a.getBean(LiveRules.class).sync();
            LiveRules liveB = b.getBean(LiveRules.class);
            for (int i = 0; i < 120 && !second.getId().equals(liveB.installedRelease()); i++) {
                Thread.sleep(250); // instance B follows the pointer by itself
            }
            for (ConfigurableApplicationContext app : java.util.List.of(a, b)) {
                assertThat(app.getBean(LiveRules.class).installedRelease()).isEqualTo(second.getId());
                assertThat(app.getBean(RuleEngine.class).ruleBase().ruleSets())
                        .anySatisfy(s -> assertThat(s.ref().display()).startsWith("example-new@2.0.0#"));
            }
            assertThat(third.getContentHash()).isNotEqualTo(second.getContentHash());
            assertThat(b.getBean(RuleReleaseService.class).get(third.getId()).getStatus()).isEqualTo(ReviewStatus.REJECTED);
            b.getBean(LiveRules.class).sync();
            judgesWith(a, "2.0.0", HazardGrade.GENERAL);
            judgesWith(b, "2.0.0", HazardGrade.GENERAL);
        } finally {
            SecurityContextHolder.clearContext();
            FileSystemUtils.deleteRecursively(rules);
        }
    }
}

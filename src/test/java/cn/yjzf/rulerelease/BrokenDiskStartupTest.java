package cn.yjzf.rulerelease;

import cn.yjzf.review.ReviewStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.YjzfApplication;
import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * A restart with a broken rules directory: the instance starts on the live release of the database and shows the
 * disk's errors on the maintainer page; a release whose validation died with the previous instance (left SUBMITTED)
 * is validated again on start-up.
 */
class BrokenDiskStartupTest {

    @TempDir
    Path rules;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(YjzfApplication.class).run("--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=jdbc:h2:mem:brokendisk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--app.demo-data=true", "--app.rules.dir=" + rules, "--app.rules.sync-interval=PT1H",
                "--app.rules.watch-interval=PT1H", "--app.rules.orphan-check-interval=PT1H");
    }

    @Test
    void aBrokenDirectoryNeverStopsAnInstanceThatHasAGoodLiveRelease() throws Exception {
        FileSystemUtils.copyRecursively(RuleLifecycleTest.FIXTURE, rules);
        Long first;
        Long orphan;
        try (ConfigurableApplicationContext app = start()) {
            RuleReleaseService releases = app.getBean(RuleReleaseService.class);
            first = releases.liveReleaseId();
            // An instance crashed while validating this submission: it stays SUBMITTED in the database.
            RuleFiles files = RuleFiles.fromDirectory(rules);
            orphan = app.getBean(RuleReleaseRepository.class).save(new RuleRelease(RuleRelease.Origin.DIRECTORY,
                    files.contentHash(), ReleaseArchive.pack(files), files.files().size(), "崩溃前提交", "maintainer",
                    Instant.now().minus(1, ChronoUnit.HOURS))).getId();
        }

        Path drl = rules.resolve("example-new/rules.drl");
        Files.writeString(drl, Files.readString(drl).replace("then", "then oops("), StandardCharsets.UTF_8);

        try (ConfigurableApplicationContext app = start()) {
            RuleEngine engine = app.getBean(RuleEngine.class);
            assertThat(engine.startupFailure()).isNotNull();
            assertThat(app.getBean(LiveRules.class).installedRelease()).isEqualTo(first);
            JudgmentResult r = engine.judge(new FindingFacts(new EnterpriseFacts("机械", Set.of(), null), "工贸",
                    LocalDate.of(2024, 1, 10), Map.of("EX-01-DEVICE", "否")));
            assertThat(r.grade()).isEqualTo(HazardGrade.MAJOR);
            assertThat(r.firedRules()).containsExactly("EXAMPLE-NEW-01");

            DiskRules.Status disk = app.getBean(DiskRules.class).check();
            assertThat(disk.report().ok()).isFalse();
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).apply(springSecurity()).build();
            var maintainer = app.getBean(UserDetailsService.class).loadUserByUsername("maintainer");
            mvc.perform(get("/rules").with(user(maintainer)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("与在用版本不同")))
                    .andExpect(content().string(matchesPattern("(?s).*example-new/rules\\.drl:\\d+: .*")));

            RuleReleaseService releases = app.getBean(RuleReleaseService.class);
            for (int i = 0; i < 240 && releases.get(orphan).getStatus() == ReviewStatus.SUBMITTED; i++) {
                Thread.sleep(500); // picked up again at start-up, validated in the background
            }
            RuleRelease resumed = releases.get(orphan);
            assertThat(resumed.getStatus()).isEqualTo(ReviewStatus.VALIDATED);
            assertThat(resumed.getRuleSets()).extracting(ReleasedRuleSet::getSetId).contains("example-new", "example-old");
        }
    }
}

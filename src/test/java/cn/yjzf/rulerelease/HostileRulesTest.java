package cn.yjzf.rulerelease;

import cn.yjzf.review.ReviewStatus;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.sandbox.RulePayloads;
import cn.yjzf.organisation.CurrentUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A malicious maintainer's rules through every way in — the zip upload, the directory submit and the disk watcher:
 * a rule that writes a file, starts a process, opens a socket, uses reflection or loops is refused with file:line
 * before compilation, a loop that passes the static check is stopped by the sandbox's time limit, and no effect ever
 * appears. The live release and the engine stay as they were.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:hostile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true", "app.rules.sync-interval=PT1H", "app.rules.watch-interval=PT1H",
        "app.rules.orphan-check-interval=PT1H", "app.rules.sandbox.timeout=PT20S"})
class HostileRulesTest {

    static Path rulesDir;
    static Path outside;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) throws IOException {
        rulesDir = RuleLifecycleTest.copyOfFixture("rules-hostile-");
        outside = Files.createTempDirectory(Path.of("target"), "hostile-effects-");
        registry.add("app.rules.dir", () -> rulesDir.toString());
    }

    @Autowired RuleReleaseService releases;
    @Autowired DiskRules disk;
    @Autowired LiveRules live;
    @Autowired UserDetailsService users;

    @AfterEach
    void restoreDisk() throws IOException {
        FileSystemUtils.deleteRecursively(rulesDir);
        FileSystemUtils.copyRecursively(RulePayloads.FIXTURE, rulesDir);
        SecurityContextHolder.clearContext();
    }

    private CurrentUser maintainer() {
        CurrentUser u = (CurrentUser) users.loadUserByUsername("maintainer");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        return u;
    }

    /** The three ways in, each giving the report of what validation found. */
    private Map<String, ValidationReport> submitEveryWay(Map<String, String> replaced) throws Exception {
        Map<String, ValidationReport> reports = new LinkedHashMap<>();
        Map<String, String> entries = new TreeMap<>();
        RulePayloads.fixtureWith(replaced).files().forEach((k, v) -> entries.put("rules/" + k, v));
        RuleRelease uploaded = releases.submitUpload(maintainer(), RuleLifecycleTest.zip(entries), "上传")
                .validated().get(2, TimeUnit.MINUTES);
        assertThat(uploaded.getStatus()).isEqualTo(ReviewStatus.INVALID);
        reports.put("上传", releases.report(uploaded));

        for (var f : replaced.entrySet()) {
            Files.writeString(rulesDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        RuleRelease submitted = releases.submitDirectory(maintainer(), "目录提交").validated().get(2, TimeUnit.MINUTES);
        assertThat(submitted.getStatus()).isEqualTo(ReviewStatus.INVALID);
        reports.put("目录提交", releases.report(submitted));

        DiskRules.Status watched = disk.check();
        assertThat(watched.sameAsLive()).isFalse();
        reports.put("磁盘监视", watched.report());
        return reports;
    }

    @Test
    void everyPayloadIsRefusedWithFileAndLineThroughEveryWayInAndLeavesNoTrace() throws Exception {
        Long liveBefore = releases.liveReleaseId();
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(200);
            for (var payload : RulePayloads.consequences().entrySet()) {
                Path marker = outside.resolve("marker-" + payload.getKey());
                Map<String, ValidationReport> reports = submitEveryWay(Map.of(RulePayloads.RULE_FILE,
                        RulePayloads.ruleWith(payload.getValue(), marker, listener.getLocalPort())));
                reports.forEach((way, report) -> {
                    assertThat(report.ok()).as(payload.getKey() + " / " + way).isFalse();
                    assertThat(report.problems()).as(payload.getKey() + " / " + way).singleElement().satisfies(p -> {
                        assertThat(p.file()).endsWith("example-new/rules.drl");
                        assertThat(p.line()).isEqualTo(17);
                        assertThat(p.message()).contains("结论（then）");
                    });
                    assertThat(report.scenarios()).as("nothing ran").isEmpty();
                });
                assertThat(marker).as(payload.getKey()).doesNotExist();
                try {
                    listener.accept().close();
                    throw new AssertionError(payload.getKey() + ": a rule connected to the test's socket");
                } catch (SocketTimeoutException expected) {
                    // no connection
                }
                restoreDisk();
            }
        }
        assertThat(releases.liveReleaseId()).isEqualTo(liveBefore);
        assertThat(live.installedRelease()).isEqualTo(liveBefore);
    }

    @Test
    void aRuleThatPassesTheCheckButNeverEndsIsStoppedByTheTimeLimitEveryWayIn() throws Exception {
        Map<String, ValidationReport> reports = submitEveryWay(Map.of(RulePayloads.RULE_FILE, RulePayloads.catastrophicRegexRule(),
                "example-new/scenarios/rules.yaml", RulePayloads.LOOPING_SCENARIO,
                "example-new/checklist.yaml", RulePayloads.LOOPING_CHECKLIST));
        assertThat(RuleFiles.fromDirectory(rulesDir).files().get(RulePayloads.RULE_FILE)).contains("matches");
        reports.forEach((way, report) -> {
            assertThat(report.ok()).as(way).isFalse();
            assertThat(report.problems()).as(way).singleElement().asString()
                    .contains("场景运行超时").contains("example-new").contains("已终止");
        });
    }
}

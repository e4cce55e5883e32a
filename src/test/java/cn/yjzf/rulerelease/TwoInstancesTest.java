package cn.yjzf.rulerelease;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.YjzfApplication;
import cn.yjzf.flow.EmbeddedPostgresHolder;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.organisation.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * live pointer on its own schedule); a rejected release goes live on neither.
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

    @Test
    void bothInstancesSwitchToTheApprovedReleaseAndNeverToARejectedOne() throws Exception {
        Path rules = Files.createTempDirectory(Path.of("target"), "rules-two-");
        FileSystemUtils.copyRecursively(RuleLifecycleTest.FIXTURE, rules);
        try (ConfigurableApplicationContext a = start(rules, true); ConfigurableApplicationContext b = start(rules, false)) {
            RuleReleaseService releasesA = a.getBean(RuleReleaseService.class);
            Long first = releasesA.liveReleaseId();
            assertThat(b.getBean(LiveRules.class).installedRelease()).isEqualTo(first);

            Path manifest = rules.resolve("example-new/ruleset.yaml");
            Files.writeString(manifest, Files.readString(manifest).replace("version: 1.0.0", "version: 2.0.0"),
                    StandardCharsets.UTF_8);
            RuleRelease second = releasesA.submitDirectory(as(a, "maintainer"), "新版本").validated().get(2, TimeUnit.MINUTES);
            releasesA.approve(as(a, "reviewer"), second.getId(), second.getVersion(), "同意");

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
            assertThat(b.getBean(RuleReleaseService.class).get(third.getId()).getStatus()).isEqualTo(ReleaseStatus.REJECTED);
        } finally {
            SecurityContextHolder.clearContext();
            FileSystemUtils.deleteRecursively(rules);
        }
    }
}

package cn.yjzf.judgment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child process that validates unreviewed rules. To show what the child contains on its own, the hostile
 * payloads are also run with the static check switched off (something only this test can do): the security
 * manager must stop every effect, and the time limit must stop a rule that never ends.
 */
class RuleSandboxTest {

    private final RuleSandbox sandbox = new RuleSandbox(new SandboxProperties(Duration.ofSeconds(60), "256m"));

    @TempDir
    Path outside;

    @Test
    void theFixtureValidatesInTheChildAndReportsItsRuleSets() {
        SandboxResult r = sandbox.validate(RuleFiles.fromDirectory(RulePayloads.FIXTURE));
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.scenarios()).hasSize(4).allMatch(SandboxResult.Scenario::passed);
        assertThat(r.ruleSets()).extracting(SandboxResult.RuleSet::id).containsExactlyInAnyOrder("example-old", "example-new");
        assertThat(r.ruleSets()).allSatisfy(s -> assertThat(s.hash()).hasSize(64));
    }

    @Test
    void payloadsAreRefusedByTheStaticCheckInsideTheChildToo() {
        Path marker = outside.resolve("written-by-rule");
        SandboxResult r = sandbox.validate(RulePayloads.fixtureWith(Map.of(RulePayloads.RULE_FILE,
                RulePayloads.ruleWith(RulePayloads.consequences().get("文件写入"), marker, 1))));
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().asString().startsWith("rules/example-new/rules.drl:17: ");
        assertThat(r.scenarios()).isEmpty(); // nothing ran
        assertThat(marker).doesNotExist();
    }

    @Test
    void withoutTheStaticCheckTheChildStillWritesNoFileStartsNoProcessAndOpensNoSocket() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(500);
            for (var payload : RulePayloads.consequences().entrySet()) {
                if (payload.getKey().equals("无限循环")) {
                    continue; // below, with a short time limit
                }
                Path marker = outside.resolve("marker-" + payload.getKey());
                SandboxResult r = sandbox.run(RulePayloads.fixtureWith(Map.of(RulePayloads.RULE_FILE,
                        RulePayloads.ruleWith(payload.getValue(), marker, listener.getLocalPort()))), false);
                // It compiled and ran (the scenario that fires it executed the consequence) and was stopped.
                assertThat(r.ok()).isFalse();
                assertThat(r.problems()).as(payload.getKey()).singleElement().asString()
                        .contains("规则运行时出错").contains("EXAMPLE-NEW-01").contains("AccessControlException: access denied");
                assertThat(marker).as(payload.getKey()).doesNotExist();
                try {
                    listener.accept().close();
                    throw new AssertionError(payload.getKey() + ": the rule connected to the test's socket");
                } catch (SocketTimeoutException expected) {
                    // no connection
                }
            }
        }
    }

    private static FindingFacts facts(LocalDate date, String answer) {
        return new FindingFacts(new EnterpriseFacts("机械", Set.of(), null), "工贸", date, Map.of("EX-01-DEVICE", answer));
    }

    @Test
    void judgesFindingsInTheChildForTheImpactPreviewOfAReleaseUnderReview() {
        SandboxResult r = sandbox.judge(RuleFiles.fromDirectory(RulePayloads.FIXTURE), List.of(
                facts(LocalDate.of(2024, 1, 10), "否"), facts(LocalDate.of(2023, 5, 14), "否"), facts(LocalDate.of(2024, 1, 10), "是")));
        assertThat(r.problems()).isEmpty();
        assertThat(r.judgments()).extracting(JudgmentResult::grade)
                .containsExactly(HazardGrade.MAJOR, HazardGrade.MAJOR, HazardGrade.UNMATCHED);
        assertThat(r.judgments().get(0).firedRules()).containsExactly("EXAMPLE-NEW-01");
        assertThat(r.judgments().get(1).ruleSets()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("example-old"));
        assertThat(r.judgments().get(0).citations()).singleElement().satisfies(c -> assertThat(c.article()).isEqualTo("第一条"));
    }

    @Test
    void aRuleThatNeverEndsIsKilledAtTheTimeLimitAndReportedNamingItsRuleSet() {
        RuleSandbox impatient = new RuleSandbox(new SandboxProperties(Duration.ofSeconds(15), "256m"));
        long start = System.nanoTime();
        SandboxResult loop = impatient.run(RulePayloads.fixtureWith(Map.of(RulePayloads.RULE_FILE,
                RulePayloads.ruleWith(RulePayloads.consequences().get("无限循环"), outside.resolve("x"), 1))), false);
        assertThat(loop.problems()).singleElement().asString().contains("场景运行超时").contains("example-new");

        // The same through the static check: a backtracking regex passes it, and only the time limit stops it.
        SandboxResult regex = impatient.validate(RulePayloads.fixtureWith(Map.of(RulePayloads.RULE_FILE,
                RulePayloads.catastrophicRegexRule(), "example-new/scenarios/rules.yaml", RulePayloads.LOOPING_SCENARIO,
                "example-new/checklist.yaml", RulePayloads.LOOPING_CHECKLIST)));
        assertThat(regex.problems()).singleElement().asString().contains("场景运行超时").contains("example-new");

        // And the impact preview of such a release (its scenarios need not trigger the loop; a stored finding may).
        SandboxResult preview = impatient.judge(RulePayloads.fixtureWith(Map.of(RulePayloads.RULE_FILE, RulePayloads.catastrophicRegexRule())),
                List.of(facts(LocalDate.of(2024, 1, 10), "1".repeat(46))));
        assertThat(preview.problems()).singleElement().asString().contains("场景运行超时");
        assertThat(preview.judgments()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(3)); // both were stopped
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("java"))
                .count()).isZero();
    }
}

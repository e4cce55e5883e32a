package cn.yjzf.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.RuleFiles;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build gate for {@code rules/penalty/}: every frame scenario passes, every rule is cited and has a firing and a
 * near-miss scenario, every catalogue entry has a frame or a named gap. Prints article coverage.
 */
class PenaltyScenariosTest {

    private static PenaltyValidation validation;

    @BeforeAll
    static void validatePenaltyRules() {
        validation = new PenaltyValidator().validate(RuleFiles.fromDirectory(Path.of("rules")));
        System.out.println("处罚规则覆盖情况：");
        validation.coverage().forEach(c -> System.out.println("  " + c.summary()));
        System.out.println("处罚场景：" + validation.results().size() + " 个，失败 "
                + validation.results().stream().filter(r -> !r.passed()).count() + " 个");
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        return validation.results().stream().map(r -> DynamicTest.dynamicTest(r.name(),
                () -> assertThat(r.failures()).as("%s「%s」", r.file(), r.name()).isEmpty()));
    }

    @Test
    void everyRuleIsCitedAndHasFiringAndNearMissScenarios() {
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.results()).hasSizeGreaterThan(60);
    }

    @Test
    void coverageReportsEveryFiningArticleExceptTheNamedGap() {
        PenaltyValidation.Coverage c = validation.coverage().stream()
                .filter(x -> x.setId().equals("anquanfa-2021")).findFirst().orElseThrow();
        assertThat(c.articles()).hasSize(20);
        assertThat(c.encoded()).hasSize(19).doesNotContain("第一百条");
        assertThat(c.summary()).contains("已编码 19 / 20 条").contains("第一百条");
    }

    @Test
    void aWrongExpectationFailsTheGate() {
        PenaltyRuleSet set = new PenaltyRuleLoader().load(RuleFiles.fromDirectory(Path.of("rules"))).get(0);
        PenaltyScenario wrong = new PenaltyScenario("第九十七条首次误写为五万元以下",
                new FrameInput.OffenceSpec("97", "首次", false, null, false, false, false, false), null, null, null,
                new PenaltyScenario.Expect(null, java.util.List.of("生产经营单位 0-50000 元"), null, null, null,
                        java.util.List.of("AQF2021-097-first"), null));
        PenaltyValidation.Result r = PenaltyValidator.run(new FrameEngine(), set, "test", wrong);
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).singleElement().asString().contains("生产经营单位 0-100000 元");
    }

    @Test
    void theHazardLoaderIgnoresThePenaltyFamily() {
        cn.yjzf.judgment.RuleBase base = new cn.yjzf.judgment.RuleBaseLoader().load(RuleFiles.fromDirectory(Path.of("rules")));
        assertThat(base.ruleSets()).extracting(s -> s.dir()).noneMatch(d -> d.startsWith("penalty/"));
    }
}

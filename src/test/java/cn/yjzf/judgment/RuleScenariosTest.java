package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build gate for {@code rules/}: every scenario passes, every rule carries its citation and has a scenario that
 * fires it and a near-miss that must not. Prints per-standard coverage.
 */
class RuleScenariosTest {

    private static RuleValidation validation;

    @BeforeAll
    static void validateRulesDirectory() {
        validation = new RuleValidator().validate(RuleFiles.fromDirectory(Path.of("rules")));
        System.out.println("规则覆盖情况：");
        validation.coverage().forEach(c -> System.out.println("  " + c));
        System.out.println("场景：" + validation.scenarios().size() + " 个，失败 " + validation.failedScenarios() + " 个");
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        return validation.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(),
                () -> assertThat(s.failures()).as("%s「%s」", s.file(), s.name()).isEmpty()));
    }

    @Test
    void everyRuleIsCitedAndHasFiringAndNearMissScenarios() {
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.scenarios()).isNotEmpty();
    }

    @Test
    void coverageIsReportedForEveryStandard() {
        assertThat(validation.coverage()).extracting(RuleValidation.Coverage::ruleSet).contains("gongmao-2023");
        RuleValidation.Coverage gongmao = validation.coverage().stream()
                .filter(c -> c.ruleSet().equals("gongmao-2023")).findFirst().orElseThrow();
        assertThat(gongmao.itemsInStandard()).isEqualTo(64);
        assertThat(gongmao.itemsEncoded()).isGreaterThanOrEqualTo(11);
    }
}

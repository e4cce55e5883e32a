package cn.yjzf.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.judgment.FamilyValidation;
import cn.yjzf.judgment.RuleCompilationException;
import cn.yjzf.judgment.RuleFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.KieBase;

/**
 * The gate for {@code rules/procedure/} — the same {@link ProcedureFamily#validate} a release runs in the sandbox:
 * every scenario passes; every rule is cited and has a scenario that fires it and one that must not.
 */
class ProcedureRulesScenariosTest {

    static FamilyValidation<KieBase> validation;

    @BeforeAll
    static void load() {
        validation = new ProcedureFamily().validate(RuleFiles.fromDirectory(Path.of("rules")));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        return validation.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(),
                () -> assertThat(s.failures()).as("%s「%s」", s.file(), s.name()).isEmpty()));
    }

    @Test
    void everyRuleIsCitedAndHasAFiringAndANearMissScenario() {
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.ok()).isTrue();
        assertThat(new ProcedureRules(RuleFiles.fromDirectory(Path.of("rules"))).ruleNames()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void aRuleWithoutANearMissOrAWrongExpectationFailsTheGateWithFileAndLine() {
        RuleFiles files = new RuleFiles("rules", new TreeMap<>(Map.of(
                "procedure/x.drl", """
                        package rules.procedure;
                        import cn.yjzf.casework.facts.CaseFacts;
                        import cn.yjzf.casework.facts.Missing;
                        rule "X"
                            @step("甲") @requirement("乙") @citation("丙")
                        when
                            CaseFacts( action == "DECIDE" )
                        then
                            insert(Missing.of(kcontext));
                        end
                        """,
                "procedure/scenarios/x.yaml", """
                        scenarios:
                          - name: 决定
                            facts: { action: DECIDE }
                            expect: { fired: [X] }
                          - name: 写错的预期
                            facts: { action: SUBMIT }
                            expect: { fired: [X] }
                        """)));
        FamilyValidation<KieBase> v = new ProcedureFamily().validate(files);
        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/procedure/x.drl");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("临界场景");
        });
        assertThat(v.scenarios()).filteredOn(s -> !s.passed()).extracting(FamilyValidation.Scenario::name)
                .containsExactly("写错的预期");
    }

    @Test
    void aBrokenProcedureRuleIsReportedWithFileAndLine() {
        RuleFiles broken = new RuleFiles("rules", new TreeMap<>(Map.of("procedure/bad.drl", """
                package rules.procedure;
                import cn.yjzf.casework.facts.CaseFacts;
                rule "X"
                when
                    CaseFacts( nosuchField == 1 )
                then
                end
                """)));
        assertThatThrownBy(() -> new ProcedureRules(broken)).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules/procedure/bad.drl");
        assertThat(new ProcedureFamily().validate(broken).problems()).extracting(p -> p.file())
                .containsOnly("rules/procedure/bad.drl");
        assertThat(new ProcedureFamily().validate(broken).ok()).isFalse();
        assertThat(new ProcedureFamily().validate(broken).rules()).isNull();
    }
}

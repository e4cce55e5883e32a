package cn.yjzf.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.casework.facts.CaseFacts;
import cn.yjzf.judgment.RuleCompilationException;
import cn.yjzf.judgment.RuleFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The gate for {@code rules/procedure/}: every scenario passes; every rule is cited and has a scenario that fires it
 * and one that must not.
 */
class ProcedureRulesScenariosTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Expect(List<String> fired, List<String> notFired) {
        List<String> firedOrEmpty() { return fired == null ? List.of() : fired; }
        List<String> notFiredOrEmpty() { return notFired == null ? List.of() : notFired; }
    }

    record Scenario(String name, Map<String, Object> facts, Expect expect) {
    }

    record ScenarioFile(List<Scenario> scenarios) {
    }

    static ProcedureRules rules;
    static List<Scenario> scenarios = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        RuleFiles files = RuleFiles.fromDirectory(Path.of("rules"));
        rules = new ProcedureRules(files);
        for (Map.Entry<String, String> f : files.under(ProcedureRules.FAMILY + "scenarios/").entrySet()) {
            scenarios.addAll(YAML.readValue(f.getValue(), ScenarioFile.class).scenarios());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            CaseFacts facts = YAML.convertValue(s.facts(), CaseFacts.class);
            List<String> fired = rules.evaluate(facts).fired();
            assertThat(fired).as(s.name()).containsAll(s.expect().firedOrEmpty());
            s.expect().notFiredOrEmpty().forEach(r -> assertThat(fired).as(s.name()).doesNotContain(r));
            if (s.expect().fired() != null && s.expect().fired().isEmpty()) {
                assertThat(fired).as(s.name() + "（不应触发任何规则）").isEmpty();
            }
        }));
    }

    @Test
    void everyRuleIsCitedAndHasAFiringAndANearMissScenario() {
        Set<String> fires = new HashSet<>();
        Set<String> nearMiss = new HashSet<>();
        scenarios.forEach(s -> {
            fires.addAll(s.expect().firedOrEmpty());
            nearMiss.addAll(s.expect().notFiredOrEmpty());
        });
        Map<String, String> problems = new TreeMap<>();
        for (String rule : rules.ruleNames()) {
            Map<String, Object> meta = rules.metadata(rule);
            if (!fires.contains(rule)) {
                problems.put(rule, "缺少触发场景");
            } else if (!nearMiss.contains(rule)) {
                problems.put(rule, "缺少不应触发的临界场景");
            } else if (meta.get("citation") == null || meta.get("step") == null || meta.get("requirement") == null) {
                problems.put(rule, "缺少 @citation / @step / @requirement");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(rules.ruleNames()).hasSizeGreaterThanOrEqualTo(15);
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
    }
}

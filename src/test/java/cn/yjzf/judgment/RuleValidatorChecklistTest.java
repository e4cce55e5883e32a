package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator's checklist checks: scenario answers and DRL {@code Answer( … )} patterns must use question codes and
 * values of the rule set's checklist. Fixtures: {@code src/test/resources/validator-fixtures/}, where {@code good/}
 * is a small valid rules directory and each {@code bad-*} differs from it only in what the check must catch.
 */
class RuleValidatorChecklistTest {

    private static final Path FIXTURES = Path.of("src/test/resources/validator-fixtures");

    private static RuleValidation validate(String fixture) {
        return new RuleValidator().validate(RuleFiles.fromDirectory(FIXTURES.resolve(fixture)));
    }

    private static List<String> problems(RuleValidation v) {
        return v.problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void theGoodFixtureValidatesCleanly() {
        RuleValidation v = validate("good");
        assertThat(problems(v)).isEmpty();
        assertThat(v.scenarios()).hasSize(7).allSatisfy(s -> assertThat(s.failures()).as(s.name()).isEmpty());
        assertThat(v.ok()).isTrue();
    }

    @Test
    void scenarioAnswersMustNameAQuestionAndCarryAValueItAccepts() {
        RuleValidation v = validate("bad-scenario-answers");
        String file = FIXTURES.resolve("bad-scenario-answers") + "/demo/scenarios/demo.yaml";
        assertThat(problems(v)).containsExactly(
                file + ":34: 场景「错误答案：编码拼错」的答案 DM-01-01-ALRAM：规则集 demo 的检查表中没有该检查项",
                file + ":39: 场景「错误答案：取值不被接受」的答案 DM-01-01-ALARM 的取值「坏了」不被该检查项接受：应为以下之一：正常、未设置、失效",
                file + ":40: 场景「错误答案：取值不被接受」的答案 DM-01-01-WORKERS 的取值「十个」不被该检查项接受：应为数字（单位：人）",
                file + ":41: 场景「错误答案：取值不被接受」的答案 DM-02-01-HEATING 的取值「电加热」不被该检查项接受：应为以下之一：明火直接加热、热水加热、未加热");
        assertThat(v.ok()).isFalse();
    }

    @Test
    void drlAnswerPatternsMustUseCodesAndValuesOfTheChecklist() {
        RuleValidation v = validate("bad-drl-answers");
        String dir = FIXTURES.resolve("bad-drl-answers").toString();
        assertThat(problems(v)).containsExactlyInAnyOrder(
                dir + "/demo/demo.drl:20: 规则「DEMO-01-01」中检查项 DM-01-01-ALARM 不是数值型（NUMBER），不能用 number 比较（其 number 恒为空，条件永不成立）",
                dir + "/demo/demo.drl:35: 规则「DEMO-01-02」中检查项 DM-01-02-MEASURES 比较的取值「不」不是该检查项可能的答案：应为以下之一：是、否",
                dir + "/demo/demo.drl:35: 规则「DEMO-01-02」中引用的检查项 DM-01-02-MEASURE 不在规则集 demo 的检查表中",
                dir + "/demo/demo.drl:50: 规则「DEMO-02」中检查项 DM-02-01-HEATING 比较的取值「明火加热」不是该检查项可能的答案：应为以下之一：明火直接加热、热水加热、未加热",
                dir + "/common/general.drl:18: 规则「COMMON-GENERAL」中引用的检查项 DM-99-NOWHERE 不在任何规则集的检查表中",
                dir + "/common/general.drl:19: 规则「COMMON-GENERAL」中检查项 DM-02-01-HEATING 比较的取值「电加热」不是该检查项可能的答案：应为以下之一：明火直接加热、热水加热、未加热");
        // The scenarios still pass: these are problems a scenario cannot reveal (a dead branch never fires).
        assertThat(v.scenarios()).allSatisfy(s -> assertThat(s.failures()).as(s.name()).isEmpty());
        assertThat(v.ok()).isFalse();
    }

    @Test
    void theCommandFailsOnTheseProblemsWithFileAndLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RulesCommand.run(List.of("validate", FIXTURES.resolve("bad-drl-answers").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(1);
        assertThat(text).contains("demo/demo.drl:35: ", "DM-01-02-MEASURE", "规则校验未通过：6 个问题");
    }

    @Test
    void theScannerFindsEveryAnswerPatternAndIgnoresComments() {
        String drl = """
                // Answer( code == "IN-A-COMMENT" )
                rule "R1"
                when
                    Answer( code == "A", value == "是" ) or Answer( code in ("B", "C"), value in ("未设置", "失效") )
                    /* Answer( code == "IN-A-BLOCK" ) */ Answer( code == "D",
                        number >= 10 )
                    Answer( code == "E", $v : value )
                    Answer( value == "失效" ) from $evidence
                then
                    System.out.println("Answer( code == \\"IN-A-STRING\\" )");
                end
                """;
        List<RuleValidator.AnswerPattern> patterns = RuleValidator.answerPatterns(drl);
        assertThat(patterns).extracting(RuleValidator.AnswerPattern::line).containsExactly(4, 4, 5, 7, 8);
        assertThat(patterns).extracting(RuleValidator.AnswerPattern::codes).containsExactly(
                List.of("A"), List.of("B", "C"), List.of("D"), List.of("E"), List.of());
        assertThat(patterns).extracting(RuleValidator.AnswerPattern::values).containsExactly(
                List.of("是"), List.of("未设置", "失效"), List.of(), List.of(), List.of("失效"));
        assertThat(patterns.get(2).numberTests()).containsExactly(">= 10");
        assertThat(patterns).extracting(RuleValidator.AnswerPattern::rule).containsOnly("R1");
    }

    @Test
    void theShippedRulesPassTheNewChecks() {
        RuleValidation v = new RuleValidator().validate(RuleFiles.fromDirectory(Path.of("rules")));
        assertThat(problems(v)).filteredOn(p -> p.contains("检查项")).isEmpty();
    }
}

package cn.yjzf.judgment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleCompilationException;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The static allowlist check that every DRL file passes before anything compiles it. */
class RuleCodePolicyTest {

    private static final Path MARKER = Path.of("target", "never-written");

    private static List<RuleProblem> check(String drl) {
        return RuleCodePolicy.standard().check(RulePayloads.fixtureWith(Map.of(RulePayloads.RULE_FILE, drl)));
    }

    private static String rule(String conditions, String consequence) {
        return RulePayloads.ruleWith(consequence, MARKER, 1).replace(
                "Answer( code == \"EX-01-DEVICE\", value == \"否\" )", conditions);
    }

    @Test
    void thePublishedRulesAndTheTestFixturesUseOnlyWhatTheAllowlistAllows() {
        for (String dir : List.of("rules", "src/test/resources/rules-lifecycle", "src/test/resources/validator-fixtures/good")) {
            assertThat(RuleCodePolicy.standard().check(RuleFiles.fromDirectory(Path.of(dir)))).as(dir).isEmpty();
        }
    }

    @Test
    void everyPayloadIsRefusedWithFileAndLineBeforeCompilation() {
        RulePayloads.consequences().forEach((name, consequence) -> {
            List<RuleProblem> problems = check(RulePayloads.ruleWith(consequence, MARKER, 1));
            assertThat(problems).as(name).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("rules/example-new/rules.drl");
                assertThat(p.line()).as(name).isEqualTo(17); // the consequence's first statement
                assertThat(p.message()).contains("结论（then）");
            });
            // The loader refuses to compile it at all.
            RuleFiles files = RulePayloads.fixtureWith(Map.of(RulePayloads.RULE_FILE, RulePayloads.ruleWith(consequence, MARKER, 1)));
            assertThatThrownBy(() -> new RuleBaseLoader().load(files)).isInstanceOf(RuleCompilationException.class)
                    .hasMessageContaining("rules/example-new/rules.drl:17:");
        });
        assertThat(MARKER).doesNotExist();
    }

    @Test
    void languageFeaturesOutsideTheSmallGrammarAreRefused() {
        String base = rule("Answer( code == \"EX-01-DEVICE\", value == \"否\" )", "");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("import java.io.File;", base.replace("import cn.yjzf.judgment.Answer;", "import cn.yjzf.judgment.Answer;\nimport java.io.File;"));
        cases.put("不允许导入 cn.yjzf.judgment.RuleEngine", base.replace("import cn.yjzf.judgment.Answer;", "import cn.yjzf.judgment.Answer;\nimport cn.yjzf.judgment.RuleEngine;"));
        cases.put("global", base.replace("import cn.yjzf.judgment.HazardMatch;", "import cn.yjzf.judgment.HazardMatch;\nglobal java.util.List out;"));
        cases.put("function", base.replace("import cn.yjzf.judgment.HazardMatch;", "import cn.yjzf.judgment.HazardMatch;\nfunction void f() { System.exit(1); }"));
        cases.put("declare", base.replace("import cn.yjzf.judgment.HazardMatch;", "import cn.yjzf.judgment.HazardMatch;\ndeclare Evil\n  x : String\nend"));
        cases.put("query", base + "\nquery \"q\"\n  Answer()\nend\n");
        cases.put("eval", rule("Answer( code == \"EX-01-DEVICE\" )\n    eval( System.currentTimeMillis() > 0 )", ""));
        cases.put("accumulate", rule("Answer() from accumulate( Answer(), count(1) )", ""));
        cases.put("from 只能取自", rule("Answer() from java.util.List.of(new Object())", ""));
        cases.put("方法", rule("Answer( code.toString() == \"x\" )", ""));
        cases.put("不允许使用「System」", rule("Answer( code == System.getProperty(\"x\") )", ""));
        cases.put("@title", base.replace("@title(\"未设置测试装置\")", "@title(Runtime.getRuntime().availableProcessors())"));
        cases.put("salience", base.replace("when", "    salience (System.nanoTime() % 10)\nwhen"));
        cases.put("dialect", base.replace("when", "    dialect \"mvel\"\nwhen"));
        cases.put("包名", base.replace("package rules.examplenew;", "package java.lang;"));
        cases.put("modify", rule("$a : Answer( code == \"EX-01-DEVICE\" )", "modify($a) { setValue(\"x\") };"));
        cases.put("getClass", rule("$m : HazardMatch()", "$m.getClass();"));
        cases.put("drools", rule("Answer()", "drools.halt();"));
        cases.forEach((expected, drl) -> assertThat(check(drl)).as(expected).isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).endsWith("example-new/rules.drl"))
                .anySatisfy(p -> assertThat(p.toString()).contains(expected.startsWith("import ") ? "java.io.File" : expected)));
    }

    @Test
    void theGrammarAcceptsWhatRealRulesWrite() {
        assertThat(check(rule("""
                $e : EnterpriseFacts( industry in ("建材", "冶金"), flags contains "粉尘涉爆", majorHazardSourceLevel <= 2 )
                    not HazardMatch( major )
                    exists Answer( deficient )
                    $m : HazardMatch( major, $evidence : evidence )
                    Answer( value == "失效" || value != null, number > 9 ) from $evidence
                    $a : Answer( code == "EX-01-DEVICE", $v : value )""",
                "$m.cite(kcontext);\n    insert(HazardMatch.routed(kcontext, \"转办：\" + $v));").replace(
                "import cn.yjzf.judgment.HazardMatch;", "import cn.yjzf.judgment.HazardMatch;\nimport cn.yjzf.judgment.EnterpriseFacts;")))
                .isEmpty();
    }
}

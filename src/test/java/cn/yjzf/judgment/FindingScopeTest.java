package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.judgment.sandbox.RuleCodePolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectTypeNode;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * The loader's rewrite of the parsed rules ({@link FindingScope}): authors' compile errors stay at their file:line,
 * code conditions are hashed in the compiled rete, and a runaway finding is reported without stalling or changing
 * the findings judged in the same session.
 */
class FindingScopeTest {

    private static final String MANIFEST = """
            id: fixture
            name: 测试用虚构标准
            standard: 测试用虚构标准
            documentNumber: 测试〔2025〕1号
            version: 1.0.0
            effectiveFrom: 2025-01-01
            sectors: [工贸]
            source: 测试夹具，虚构，非真实法规
            totalItems: 1
            gaps: []
            """;
    private static final String CHECKLIST = """
            groups:
              - code: FX-01
                article: 第一条
                item: （一）
                title: 测试
                industries: []
                flags: []
                questions:
                  - { code: FX-01-A, text: 甲是否设置？, type: YES_NO, compliant: 是 }
                  - { code: FX-01-B, text: 乙是否设置？, type: YES_NO, compliant: 是 }
                  - { code: FX-01-LOOP, text: 是否循环？, type: YES_NO }
            """;
    private static final String META = """
                @standard("测试用虚构标准") @documentNumber("测试〔2025〕1号") @article("第一条") @item("（一）")
                @title("测试") @verification("🟡") @source("测试夹具")
            """;

    private static RuleFiles files(String drl) {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("fx/ruleset.yaml", MANIFEST);
        files.put("fx/checklist.yaml", CHECKLIST);
        files.put("fx/rules.drl", drl);
        return new RuleFiles("mem", files);
    }

    @Test
    void compileErrorsStayAtTheAuthorsFileAndLineAfterTheRewrite() {
        String drl = """
                package rules.fx;
                import cn.yjzf.judgment.Answer;
                import cn.yjzf.judgment.EnterpriseFacts;
                import cn.yjzf.judgment.HazardMatch;
                rule "FX-SPLIT"
                """ + META + """
                when
                    EnterpriseFacts( industry == "建材" )
                    Answer( code in ("FX-01-A", "FX-01-B"), nosuchProperty == "否" )
                then
                    insert(HazardMatch.major(kcontext));
                end
                rule "FX-NO-ENTERPRISE"
                """ + META + """
                when
                    Answer( alsoMissing == "是" )
                then
                    insert(HazardMatch.major(kcontext));
                end
                """;
        assertThatThrownBy(() -> new RuleBaseLoader(RuleCodePolicy.unchecked()).load(files(drl)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("mem/fx/rules.drl"));
                    List<Integer> lines = e.problems().stream().map(RuleProblem::line).toList();
                    assertThat(lines).as(e.problems().toString()).contains(10, 18);
                    // the split pattern is one pattern of the author's: its error is reported once
                    assertThat(lines.stream().filter(l -> l == 10).count()).isEqualTo(1);
                });
    }

    @Test
    void everyCodeConditionOfTheShippedRulesIsAHashedAlphaLookup() {
        RuleFiles files = RuleFiles.fromDirectory(Path.of("rules"));
        RuleBase base = new RuleBaseLoader().load(files);
        for (CompiledRuleSet set : base.ruleSets()) {
            CompositeObjectSinkAdapter answers = answerAlphaNodes(set.kieBase());
            assertThat(unhashedCodeConditions(answers)).as("%s：未散列的检查项编码条件", set.ref().id()).isEmpty();
            assertThat(answers.getHashedSinkMap()).as("%s：按编码散列的 alpha 节点", set.ref().id()).hasSizeGreaterThan(20);
        }
        // the contrast: the same files compiled as written leave every `code in (…)` list to be evaluated per answer
        Map<String, String> drl = new TreeMap<>(files.under("gongmao-2023/"));
        drl.putAll(files.under("common/"));
        drl.keySet().removeIf(p -> !p.endsWith(".drl"));
        KieBase asWritten = new RuleBaseLoader().compile(files, "contrast", drl);
        assertThat(unhashedCodeConditions(answerAlphaNodes(asWritten))).hasSizeGreaterThan(10);
    }

    private static CompositeObjectSinkAdapter answerAlphaNodes(KieBase kieBase) {
        ObjectTypeNode answers = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes().stream()
                .filter(n -> n.getObjectType().getClassName().equals(Answer.class.getName()))
                .findFirst().orElseThrow();
        ObjectSinkPropagator sinks = answers.getObjectSinkPropagator();
        assertThat(sinks).isInstanceOf(CompositeObjectSinkAdapter.class);
        return (CompositeObjectSinkAdapter) sinks;
    }

    private static List<String> unhashedCodeConditions(CompositeObjectSinkAdapter answers) {
        List<String> conditions = new ArrayList<>();
        if (answers.getOthers() != null) {
            answers.getOthers().stream().filter(n -> n instanceof AlphaNode).map(n -> ((AlphaNode) n).getConstraint().toString())
                    .filter(c -> c.contains("code")).forEach(conditions::add);
        }
        return conditions;
    }

    @Test
    void aRunawayFindingIsReportedAndTheOthersOfItsSessionAreJudgedAsAlone() {
        String drl = """
                package rules.fx;
                import cn.yjzf.judgment.Answer;
                import cn.yjzf.judgment.EnterpriseFacts;
                import cn.yjzf.judgment.HazardMatch;
                rule "FX-01"
                """ + META + """
                when
                    EnterpriseFacts( industry == "建材" )
                    Answer( code in ("FX-01-A", "FX-01-B"), value == "否" )
                then
                    insert(HazardMatch.major(kcontext));
                end
                rule "FX-LOOP"
                """ + META + """
                when
                    Answer( code == "FX-01-LOOP", value == "是" )
                    HazardMatch( )
                then
                    insert(HazardMatch.general(kcontext));
                end
                """;
        RuleBase base = new RuleBaseLoader(RuleCodePolicy.unchecked()).load(files(drl));
        List<FindingFacts> findings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            findings.add(finding(i % 2 == 0 ? "建材" : "机械", Map.of("FX-01-A", i % 3 == 0 ? "否" : "是", "FX-01-B", "是")));
        }
        findings.add(4, finding("建材", Map.of("FX-01-A", "否", "FX-01-LOOP", "是")));
        List<JudgmentResult> together = RuleEngine.judgeAll(base, findings);
        for (int i = 0; i < findings.size(); i++) {
            assertThat(together.get(i)).isEqualTo(RuleEngine.judge(base, findings.get(i)));
        }
        JudgmentResult runaway = together.get(4);
        assertThat(runaway.grade()).isEqualTo(HazardGrade.UNMATCHED);
        assertThat(runaway.reason()).isEqualTo(SessionJudging.RUNAWAY_REASON);
        assertThat(runaway.firedRules()).containsExactly("FX-01", "FX-LOOP");
        assertThat(together.get(0).grade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(together.get(0).firedRules()).containsExactly("FX-01");
        assertThat(together.get(3).grade()).as("机械：FX-01 只适用于建材").isEqualTo(HazardGrade.UNMATCHED);
        assertThat(together.get(3).firedRules()).isEmpty();
    }

    private static FindingFacts finding(String industry, Map<String, String> answers) {
        return new FindingFacts(new EnterpriseFacts(industry, Set.of(), null), "工贸", LocalDate.of(2025, 6, 1), answers);
    }
}

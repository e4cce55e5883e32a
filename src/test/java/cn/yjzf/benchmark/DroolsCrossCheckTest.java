package cn.yjzf.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.batch.BatchFinding;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's cross-check at a small size in the normal suite: on a few thousand synthetic findings the rules of
 * rules/ and the hand-written Java evaluator of the same criteria give the same grade and fire the same rules.
 */
class DroolsCrossCheckTest {

    @Test
    void droolsAndTheHandWrittenEvaluatorAgreeOnEverySyntheticFinding() {
        RuleBase base = new RuleBaseLoader().load(RuleFiles.fromDirectory(Path.of("rules")));
        List<JudgmentBenchmark.Synthetic> findings = JudgmentBenchmark.generate(base, 3000);
        List<String> disagreements = new ArrayList<>();
        Map<HazardGrade, Integer> grades = new EnumMap<>(HazardGrade.class);
        Set<String> fired = new HashSet<>();
        for (JudgmentBenchmark.Synthetic s : findings) {
            BatchFinding f = s.finding();
            JudgmentResult drools = RuleEngine.judge(base, JudgmentBenchmark.toFacts(f));
            HandWrittenEvaluator.Result java = HandWrittenEvaluator.judge(f.industry(), Set.copyOf(f.flags()), f.answers(),
                    s.deficient());
            grades.merge(drools.grade(), 1, Integer::sum);
            fired.addAll(drools.firedRules());
            if (drools.grade() != java.grade() || !Set.copyOf(drools.firedRules()).equals(Set.copyOf(java.fired()))) {
                disagreements.add(f.id() + " " + f.industry() + " " + f.answers() + ": Drools " + drools.grade()
                        + drools.firedRules() + "，手写 " + java.grade() + java.fired());
            }
        }
        assertThat(disagreements).as("Drools 与手写 Java 判定结果不一致").isEmpty();
        // The sample exercises every outcome and most of the encoded items, so agreement means something.
        assertThat(grades).containsKeys(HazardGrade.MAJOR, HazardGrade.GENERAL, HazardGrade.UNMATCHED);
        assertThat(fired).contains("GM2023-02", "GM2023-03-01", "GM2023-06-06", "GM2023-14", "COMMON-GENERAL");
    }
}

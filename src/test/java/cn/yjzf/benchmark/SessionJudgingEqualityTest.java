package cn.yjzf.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.CompiledRuleSet;
import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.judgment.Scenario;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Judging many findings in one session (an inspection, a batch chunk) gives, finding by finding, exactly the result of
 * judging each alone: grade, citations, fired rules (in order), rule sets, date and reason. Checked on the benchmark's
 * generated findings (mixed industries, dates and answers) and on every scenario of rules/, in inspections of 10,
 * in chunks of 100 and shuffled so that unrelated findings share a session.
 */
class SessionJudgingEqualityTest {

    static RuleBase base;

    @BeforeAll
    static void load() {
        base = new RuleBaseLoader().load(RuleFiles.fromDirectory(Path.of("rules")));
    }

    @Test
    void everyGeneratedFindingJudgedInItsInspectionEqualsJudgingItAlone() {
        List<FindingFacts> facts = JudgmentBenchmark.generate(base, 20_000).stream()
                .map(s -> JudgmentBenchmark.toFacts(s.finding())).toList();
        assertSameAsAlone(facts, 10);
        assertSameAsAlone(facts.subList(0, 5_000), 100);
    }

    @Test
    void everyScenarioJudgedInMixedBatchesEqualsJudgingItAlone() {
        List<FindingFacts> facts = scenarioFacts();
        assertThat(facts).hasSizeGreaterThan(300);
        List<FindingFacts> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random(15));
        // huagong and gongmao findings, findings with no rule set in force and runaway-free ones share sessions
        assertSameAsAlone(shuffled, 10);
        assertSameAsAlone(shuffled, 100);
        assertSameAsAlone(facts, 7);
    }

    /** The finding of every scenario of rules/, as the scenario runner builds it (also the refused ones). */
    static List<FindingFacts> scenarioFacts() {
        RuleFiles files = RuleFiles.fromDirectory(Path.of("rules"));
        List<FindingFacts> facts = new ArrayList<>();
        for (CompiledRuleSet set : base.ruleSets()) {
            files.under(set.dir() + "scenarios/").keySet().forEach(path -> {
                for (Scenario s : RuleBaseLoader.readYaml(files, path, Scenario.File.class).scenarios()) {
                    Scenario.Enterprise e = s.enterprise();
                    facts.add(new FindingFacts(new EnterpriseFacts(e.industry(),
                            e.flags() == null ? Set.of() : Set.copyOf(e.flags()), e.majorHazardSourceLevel()),
                            e.sector() != null ? e.sector() : set.manifest().sectors().get(0),
                            s.inspectionDate() != null ? s.inspectionDate() : set.manifest().effectiveFrom(),
                            s.answers()));
                }
            });
        }
        // and a finding no rule set is in force for
        facts.add(new FindingFacts(new EnterpriseFacts("机械", Set.of(), null), "工贸", LocalDate.of(2001, 1, 1),
                Map.of("GM-03-02-CERT", "否")));
        return facts;
    }

    static void assertSameAsAlone(List<FindingFacts> facts, int perSession) {
        List<String> differences = new ArrayList<>();
        for (int from = 0; from < facts.size(); from += perSession) {
            List<FindingFacts> chunk = facts.subList(from, Math.min(from + perSession, facts.size()));
            List<JudgmentResult> together = RuleEngine.judgeAll(base, chunk);
            assertThat(together).hasSameSizeAs(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                JudgmentResult alone = RuleEngine.judge(base, chunk.get(i));
                if (!alone.equals(together.get(i))) {
                    differences.add(chunk.get(i) + "\n  单独：" + alone + "\n  同批：" + together.get(i));
                }
            }
        }
        assertThat(differences).as("同一会话判定与逐条判定不一致（每批 %d 条）", perSession).isEmpty();
    }
}

package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Swapping the rule base while judgments run: each judgment uses one rule base from start to end, never a mix. */
class RuleSwapTest {

    static final Path FIXTURE = Path.of("src/test/resources/rules-lifecycle");
    static final FindingFacts FINDING = new FindingFacts(new EnterpriseFacts("机械", Set.of(), null), "工贸",
            LocalDate.of(2024, 1, 10), Map.of("EX-01-DEVICE", "否"));

    /** The fixture with the new standard's item downgraded to 一般 in version 2.0.0. */
    static RuleFiles downgraded() {
        RuleFiles files = RuleFiles.fromDirectory(FIXTURE);
        SortedMap<String, String> changed = new TreeMap<>(files.files());
        changed.computeIfPresent("example-new/ruleset.yaml", (k, v) -> v.replace("version: 1.0.0", "version: 2.0.0"));
        changed.computeIfPresent("example-new/rules.drl", (k, v) -> v.replace("HazardMatch.major", "HazardMatch.general"));
        return new RuleFiles("downgraded", changed);
    }

    @Test
    void aJudgmentKeepsTheSnapshotItStartedWithAndSwapsNeverMixTwoRuleBases() throws Exception {
        RuleEngine engine = new RuleEngine(new RulesProperties(FIXTURE));
        RuleBase v1 = engine.ruleBase();
        RuleBase v2 = new RuleBaseLoader().load(downgraded());

        engine.install(v2);
        assertThat(RuleEngine.judge(v1, FINDING).grade()).isEqualTo(HazardGrade.MAJOR); // the snapshot still works
        assertThat(engine.judge(FINDING).grade()).isEqualTo(HazardGrade.GENERAL);

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> inconsistent = new ConcurrentLinkedQueue<>();
        List<Thread> judges = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread judge = new Thread(() -> {
                while (running.get()) {
                    JudgmentResult r = engine.judge(FINDING);
                    String version = r.ruleSets().get(0).version();
                    HazardGrade expected = version.equals("1.0.0") ? HazardGrade.MAJOR : HazardGrade.GENERAL;
                    if (r.grade() != expected) {
                        inconsistent.add(version + " → " + r.grade());
                    }
                }
            });
            judge.start();
            judges.add(judge);
        }
        for (int i = 0; i < 200; i++) {
            engine.install(i % 2 == 0 ? v1 : v2);
            Thread.sleep(1);
        }
        running.set(false);
        for (Thread judge : judges) {
            judge.join();
        }
        assertThat(inconsistent).isEmpty();
    }
}

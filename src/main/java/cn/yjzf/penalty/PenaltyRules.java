package cn.yjzf.penalty;

import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RulesProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The penalty rule families compiled at start-up from {@code app.rules.dir}/penalty (a compile error stops start-up
 * with {@code 文件:行号}, like the hazard rules), each with its statutory-frame cache and system default 基准.
 */
@Component
public class PenaltyRules {

    /** One family ready for use. */
    public record Loaded(PenaltyRuleSet set, StatutoryFrame frame, DiscretionTable defaultTable) {
    }

    private final List<Loaded> families;
    private final FrameEngine engine = new FrameEngine();

    @org.springframework.beans.factory.annotation.Autowired
    public PenaltyRules(RulesProperties properties) {
        this(new PenaltyRuleLoader().load(filesWithPenaltyRules(properties)));
    }

    /** The rules directory, or the packaged copy when that directory holds no {@code penalty/} family (e.g. a hazard-only test set). */
    private static RuleFiles filesWithPenaltyRules(RulesProperties properties) {
        RuleFiles files = RuleFiles.read(properties.dir());
        return files.under(PenaltyRuleLoader.ROOT).isEmpty() ? RuleFiles.fromClasspath("rules") : files;
    }

    PenaltyRules(List<PenaltyRuleSet> sets) {
        this.families = sets.stream().map(s -> {
            StatutoryFrame frame = new StatutoryFrame(s, engine);
            return new Loaded(s, frame, DefaultDiscretionTable.build(frame));
        }).toList();
    }

    public FrameEngine engine() {
        return engine;
    }

    public List<Loaded> families() {
        return families;
    }

    /** The family in force on a date (施行期间 of its manifest). */
    public Optional<Loaded> inForceOn(LocalDate date) {
        return families.stream().filter(f -> f.set().manifest().inForceOn(date)).findFirst();
    }

    /** The newest family: its catalogue is what officers choose from. */
    public Loaded current() {
        return families.stream().max(java.util.Comparator.comparing(f -> f.set().manifest().effectiveFrom()))
                .orElseThrow(() -> new cn.yjzf.common.ConflictException("PENALTY_RULES_MISSING",
                        "规则目录中没有处罚规则族（penalty/），无法提出处罚建议"));
    }
}

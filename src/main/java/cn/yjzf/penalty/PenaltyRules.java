package cn.yjzf.penalty;

import cn.yjzf.judgment.LiveFamily;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RulesProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The penalty rule families in force on this instance, each with its statutory-frame cache and system default 基准:
 * seeded from {@code app.rules.dir}/penalty at start-up, then the live release's (hot-swapped by
 * {@code rulerelease.LiveRules}, see {@link LiveFamily}). A computation takes one {@link #snapshot()} so that it never
 * mixes two versions; the snapshot's {@code version} is recorded with every proposal.
 */
@Component
public class PenaltyRules extends LiveFamily<PenaltyRules.Families> {

    /** One family ready for use. */
    public record Loaded(PenaltyRuleSet set, StatutoryFrame frame, DiscretionTable defaultTable) {
    }

    /** All families of one version, immutable. */
    public record Families(List<Loaded> families) {

        static Families of(List<PenaltyRuleSet> sets) {
            FrameEngine engine = new FrameEngine();
            return new Families(sets.stream().map(s -> {
                StatutoryFrame frame = new StatutoryFrame(s, engine);
                return new Loaded(s, frame, DefaultDiscretionTable.build(frame));
            }).toList());
        }
    }

    /** The families of one version and which version that is ({@link Installed#version()}). */
    public record Snapshot(List<Loaded> families, String version) {

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

    private final FrameEngine engine = new FrameEngine();

    @org.springframework.beans.factory.annotation.Autowired
    public PenaltyRules(RulesProperties properties) {
        super(new PenaltyFamily(), filesWithPenaltyRules(properties));
    }

    /** The rules directory, or the packaged copy when that directory holds no {@code penalty/} family (e.g. a hazard-only test set). */
    private static RuleFiles filesWithPenaltyRules(RulesProperties properties) {
        RuleFiles files = RuleFiles.read(properties.dir());
        return files.under(PenaltyRuleLoader.ROOT).isEmpty() ? RuleFiles.fromClasspath("rules") : files;
    }

    /** Compiled penalty families outside Spring (tests, benchmarks). */
    PenaltyRules(List<PenaltyRuleSet> sets) {
        super(new PenaltyFamily(), new RuleFiles("memory", new java.util.TreeMap<>()));
        install(Families.of(sets), "0".repeat(64), null, "memory");
    }

    public FrameEngine engine() {
        return engine;
    }

    /** The families in force now, and their version: read once per computation. */
    public Snapshot snapshot() {
        Installed<Families> i = require();
        return new Snapshot(i.rules().families(), i.version());
    }

    public List<Loaded> families() {
        return snapshot().families();
    }

    /** The family in force on a date (施行期间 of its manifest). */
    public Optional<Loaded> inForceOn(LocalDate date) {
        return snapshot().inForceOn(date);
    }

    /** The newest family: its catalogue is what officers choose from. */
    public Loaded current() {
        return snapshot().current();
    }
}

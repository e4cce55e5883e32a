package cn.yjzf.judgment;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Judges findings with the rule sets in force on the inspection date. The rule base is compiled from the rules
 * directory at start-up; if that fails the live release of the database is installed instead, and only without one
 * does the compile error (file:line) stop start-up. The current rule base is held in an
 * {@link AtomicReference} so that a judgment always runs against one consistent snapshot.
 */
@Service
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);
    private final AtomicReference<RuleBase> current = new AtomicReference<>();

    /** Why the rules directory did not compile at start-up (null when it did). */
    private final RuleCompilationException startupFailure;

    /**
     * Compiles the rules directory. If it does not compile the engine starts empty and remembers why: the
     * application then runs on the live release of the database, and refuses to start only when there is none
     * (see {@code LiveRules}).
     */
    public RuleEngine(RulesProperties properties) {
        RuleFiles files = RuleFiles.read(properties.dir());
        RuleCompilationException failure = null;
        try {
            RuleBase base = new RuleBaseLoader().load(files);
            current.set(base);
            log.info("规则库已加载：{}（{}）", files.origin(), base.ruleSets().stream()
                    .map(s -> s.ref().id() + "@" + s.ref().version() + " " + s.rules().size() + " 条规则").toList());
        } catch (RuleCompilationException e) {
            failure = e;
            log.error("规则目录 {} 未能编译，将使用数据库中的在用版本（如有）：{}", files.origin(), e.getMessage());
        }
        this.startupFailure = failure;
    }

    public RuleCompilationException startupFailure() {
        return startupFailure;
    }

    /**
     * Replaces the rule base in one step. A judgment already running keeps the snapshot it started with (it read
     * {@link #ruleBase()} once), so a swap never mixes two rule bases within one judgment.
     */
    public RuleBase install(RuleBase next) {
        RuleBase previous = current.getAndSet(next);
        log.info("规则库已切换：{} → {}", previous == null ? "（无）" : previous.origin(), next.origin());
        return previous;
    }

    public RuleBase ruleBase() {
        return current.get();
    }

    public JudgmentResult judge(FindingFacts facts) {
        return judge(current.get(), facts);
    }

    /** Judges one finding, alone in its session. */
    public static JudgmentResult judge(RuleBase base, FindingFacts facts) {
        return SessionJudging.judge(base, List.of(facts)).get(0);
    }

    /**
     * Judges several findings (an inspection, a chunk of a batch) together: one session per rule set for up to
     * {@value SessionJudging#CHUNK} findings. Each result is exactly what {@link #judge(RuleBase, FindingFacts)} gives
     * for that finding alone, in the order given.
     */
    public static List<JudgmentResult> judgeAll(RuleBase base, List<FindingFacts> findings) {
        return SessionJudging.judge(base, findings);
    }

    public List<JudgmentResult> judgeAll(List<FindingFacts> findings) {
        return judgeAll(current.get(), findings);
    }
}

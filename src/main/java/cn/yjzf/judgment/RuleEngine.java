package cn.yjzf.judgment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
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
    /** A guard against a rule that re-activates itself forever. */
    private static final int MAX_FIRINGS = 10_000;

    private final AtomicReference<RuleBase> current = new AtomicReference<>();

    /**
     * Records every rule that fires. Pooled sessions keep their listeners across reuse, so one shared listener is
     * attached once per session and writes to the set of the judgment running on this thread.
     */
    private static final ThreadLocal<Set<String>> FIRED = new ThreadLocal<>();
    private static final DefaultAgendaEventListener FIRED_LISTENER = new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Set<String> fired = FIRED.get();
            if (fired != null) {
                fired.add(event.getMatch().getRule().getName());
            }
        }
    };

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

    public static JudgmentResult judge(RuleBase base, FindingFacts facts) {
        List<CompiledRuleSet> sets = base.inForce(facts.inspectionDate(), facts.sector());
        if (sets.isEmpty()) {
            return new JudgmentResult(HazardGrade.UNMATCHED, List.of(), List.of(), List.of(), facts.inspectionDate(),
                    "检查日期 " + facts.inspectionDate() + " 没有施行中的适用于「" + facts.sector() + "」的判定标准规则集，请人工判定");
        }
        List<Answer> answers = facts.answers().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new Answer(e.getKey(), e.getValue(), base.question(sets, e.getKey())
                        .map(q -> q.isDeficient(e.getValue())).orElse(false)))
                .toList();
        List<HazardMatch> matches = new ArrayList<>();
        java.util.Map<HazardMatch, String> routeReasons = new java.util.IdentityHashMap<>();
        Set<String> fired = new LinkedHashSet<>();
        FIRED.set(fired);
        try {
            for (CompiledRuleSet set : sets) {
                KieSession session = set.sessions().newKieSession();
                try {
                    if (!session.getAgendaEventListeners().contains(FIRED_LISTENER)) {
                        session.addEventListener(FIRED_LISTENER);
                    }
                    session.insert(facts.enterprise());
                    answers.forEach(session::insert);
                    session.fireAllRules(MAX_FIRINGS);
                    session.getObjects(o -> o instanceof HazardMatch).forEach(o -> {
                        HazardMatch m = (HazardMatch) o;
                        matches.add(m);
                        if (m.getRoute() != null) {
                            routeReasons.put(m, set.manifest().route(m.getRoute())
                                    .map(RuleSetManifest.Route::reason)
                                    .orElse("本标准不予定级，转按「" + m.getRoute() + "」方面的专门规定判定（规则集未登记其依据），请人工判定"));
                        }
                    });
                } finally {
                    session.dispose(); // back to the pool, reset
                }
            }
        } finally {
            FIRED.remove();
        }
        List<RuleSetRef> refs = sets.stream().map(CompiledRuleSet::ref).toList();
        if (matches.isEmpty()) {
            return new JudgmentResult(HazardGrade.UNMATCHED, List.of(), List.copyOf(fired), refs, facts.inspectionDate(),
                    answers.isEmpty() ? "未回答检查表中的检查项，仅有文字描述，无法对应判定标准条款，请人工判定"
                            : "所答检查项未符合任何判定标准条款的情形，请人工判定");
        }
        // 重大 first; then a routed or open match (never overridden by a 一般 from another answer); then 一般.
        HazardGrade grade = matches.stream().anyMatch(HazardMatch::isMajor) ? HazardGrade.MAJOR
                : matches.stream().anyMatch(HazardMatch::isUndecided) ? HazardGrade.UNMATCHED : HazardGrade.GENERAL;
        List<HazardMatch> decisive = matches.stream().filter(m -> m.getGrade() == grade)
                .sorted(Comparator.comparing(HazardMatch::getRule)).toList();
        List<Citation> citations = decisive.stream().flatMap(m -> m.getCitations().stream()).distinct().toList();
        String reason = grade != HazardGrade.UNMATCHED ? null : decisive.stream()
                .map(m -> routeReasons.getOrDefault(m, m.getReason())).filter(java.util.Objects::nonNull).distinct()
                .collect(java.util.stream.Collectors.joining("；"));
        return new JudgmentResult(grade, citations, List.copyOf(fired), refs, facts.inspectionDate(), reason);
    }
}

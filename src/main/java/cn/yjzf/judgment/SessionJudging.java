package cn.yjzf.judgment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges a chunk of findings with one KieSession per rule set. Every fact of finding {@code i} carries
 * {@code findingId == i} and every rule joins its patterns on it ({@link FindingScope}, applied by the loader), so the
 * findings of a chunk never see each other's facts: each result is what judging that finding alone gives.
 * <p>
 * Firing is bounded. A chunk that fires more than {@link #chunkBudget} rules, or runs past its time budget, is judged
 * again one finding at a time, so one runaway finding cannot stall its chunk unnoticed; a finding that alone fires
 * {@link #MAX_FIRINGS} rules is reported (logged, and its result is 未匹配 with the reason) instead of graded.
 */
final class SessionJudging {

    private static final Logger log = LoggerFactory.getLogger(SessionJudging.class);

    /** Findings judged in one session: 10 (an inspection) already gives nearly all of the gain. */
    static final int CHUNK = 100;
    /** A guard against a rule that re-activates itself forever: the firings one finding may use. */
    static final int MAX_FIRINGS = 10_000;
    /** A legitimate finding fires a handful of rules; a chunk past this many firings is re-judged finding by finding. */
    private static final int FIRINGS_PER_FINDING_IN_CHUNK = 100;
    private static final long CHUNK_NANOS = 1_000_000_000L;
    private static final long CHUNK_NANOS_PER_FINDING = 10_000_000L;

    static final String RUNAWAY_REASON = "规则触发超过 " + MAX_FIRINGS
            + " 次仍未结束（可能有规则反复触发自身），判定已中止：请人工判定，并通知规则维护人员检查所列触发的规则";

    private SessionJudging() {
    }

    static List<JudgmentResult> judge(RuleBase base, List<FindingFacts> findings) {
        List<JudgmentResult> out = new ArrayList<>(findings.size());
        for (int from = 0; from < findings.size(); from += CHUNK) {
            out.addAll(new Chunk(base, findings.subList(from, Math.min(from + CHUNK, findings.size()))).judge());
        }
        return out;
    }

    static int chunkBudget(int findings) {
        return findings == 1 ? MAX_FIRINGS : Math.min(MAX_FIRINGS, 1_000 + FIRINGS_PER_FINDING_IN_CHUNK * findings);
    }

    /** A match and the rule set whose rule inserted it (its citations and routes are that set's). */
    private record SetMatch(CompiledRuleSet set, HazardMatch match) {
    }

    private static final class Chunk {
        private final RuleBase base;
        private final List<FindingFacts> findings;
        private final List<List<CompiledRuleSet>> sets;
        private final List<List<Answer>> answers;
        private final List<Set<String>> fired;
        private final List<List<SetMatch>> matches;
        private final boolean[] runaway;

        Chunk(RuleBase base, List<FindingFacts> findings) {
            this.base = base;
            this.findings = findings;
            int n = findings.size();
            sets = new ArrayList<>(n);
            answers = new ArrayList<>(n);
            fired = new ArrayList<>(n);
            matches = new ArrayList<>(n);
            runaway = new boolean[n];
            Map<String, List<CompiledRuleSet>> inForce = new HashMap<>();
            for (int i = 0; i < n; i++) {
                FindingFacts f = findings.get(i);
                List<CompiledRuleSet> s = inForce.computeIfAbsent(f.inspectionDate() + "|" + f.sector(),
                        k -> base.inForce(f.inspectionDate(), f.sector()));
                sets.add(s);
                answers.add(answers(i, f, s));
                fired.add(new LinkedHashSet<>());
                matches.add(new ArrayList<>());
            }
        }

        /** Sorted by code (insertion order is activation order), each marked deficient by its checklist question. */
        private static List<Answer> answers(int id, FindingFacts f, List<CompiledRuleSet> sets) {
            if (sets.isEmpty()) {
                return List.of();
            }
            List<Map.Entry<String, String>> entries = new ArrayList<>(f.answers().entrySet());
            entries.sort(Map.Entry.comparingByKey());
            List<Answer> out = new ArrayList<>(entries.size());
            for (Map.Entry<String, String> e : entries) {
                ChecklistQuestion q = null;
                for (int k = 0; k < sets.size() && q == null; k++) {
                    q = sets.get(k).questions().get(e.getKey());
                }
                out.add(new Answer(id, e.getKey(), e.getValue(), q != null && q.isDeficient(e.getValue())));
            }
            return out;
        }

        List<JudgmentResult> judge() {
            for (CompiledRuleSet set : base.ruleSets()) {
                List<Integer> using = new ArrayList<>();
                for (int i = 0; i < findings.size(); i++) {
                    if (sets.get(i).contains(set)) {
                        using.add(i);
                    }
                }
                if (using.isEmpty()) {
                    continue;
                }
                Session s = run(set, using, chunkBudget(using.size()),
                        using.size() == 1 ? Long.MAX_VALUE : CHUNK_NANOS + CHUNK_NANOS_PER_FINDING * using.size());
                if (!s.overrun) {
                    s.keep();
                    continue;
                }
                if (using.size() > 1) {
                    log.warn("规则集 {} 一批 {} 条检查发现触发了 {} 次规则（或超过时限），改为逐条判定", set.ref().display(),
                            using.size(), s.firings);
                }
                for (int i : using) {
                    Session alone = using.size() == 1 ? s : run(set, List.of(i), MAX_FIRINGS, Long.MAX_VALUE);
                    alone.keep();
                    if (alone.overrun) {
                        runaway[i] = true;
                        log.warn("检查发现（{}，{}）用规则集 {} 判定时规则触发超过 {} 次，已中止；触发的规则：{}",
                                findings.get(i).enterprise(), findings.get(i).inspectionDate(), set.ref().display(),
                                MAX_FIRINGS, fired.get(i));
                    }
                }
            }
            List<JudgmentResult> out = new ArrayList<>(findings.size());
            for (int i = 0; i < findings.size(); i++) {
                out.add(result(i));
            }
            return out;
        }

        private Session run(CompiledRuleSet set, List<Integer> ids, int budget, long nanos) {
            Session s = new Session(set, nanos);
            KieSession session = set.sessions().newKieSession();
            try {
                // a pooled session drops its listeners when disposed: attach ours to each use
                session.addEventListener((AgendaEventListener) s);
                for (int i : ids) {
                    session.insert(findings.get(i).enterprise().forFinding(i));
                    for (Answer a : answers.get(i)) {
                        session.insert(a);
                    }
                }
                // attached after our own inserts: from here on it sees only what the rules insert
                session.addEventListener((RuleRuntimeEventListener) s);
                s.started = System.nanoTime();
                s.firings = session.fireAllRules(budget);
                s.overrun |= s.firings >= budget;
            } finally {
                session.removeEventListener((AgendaEventListener) s);
                session.removeEventListener((RuleRuntimeEventListener) s);
                session.dispose(); // back to the pool, reset
            }
            return s;
        }

        /** What one session saw, kept only when the session finished within its budget (or for a finding alone). */
        private final class Session extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
            private final CompiledRuleSet set;
            private final long nanos;
            private final Map<Integer, Set<String>> firedHere = new HashMap<>();
            private final List<HazardMatch> inserted = new ArrayList<>();
            private long started = System.nanoTime();
            private int firings;
            private boolean overrun;

            Session(CompiledRuleSet set, long nanos) {
                this.set = set;
                this.nanos = nanos;
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Object id = event.getMatch().getDeclarationValue(FindingScope.FINDING);
                firedHere.computeIfAbsent(id instanceof Integer i ? i : 0, k -> new LinkedHashSet<>())
                        .add(event.getMatch().getRule().getName());
                if (nanos != Long.MAX_VALUE && System.nanoTime() - started > nanos) {
                    overrun = true;
                    event.getKieRuntime().halt();
                }
            }

            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof HazardMatch m) {
                    inserted.add(m);
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                if (event.getOldObject() instanceof HazardMatch m) {
                    inserted.remove(m);
                }
            }

            void keep() {
                firedHere.forEach((i, names) -> fired.get(i).addAll(names));
                for (HazardMatch m : inserted) {
                    matches.get(m.getFindingId()).add(new SetMatch(set, m));
                }
            }
        }

        private JudgmentResult result(int i) {
            FindingFacts facts = findings.get(i);
            List<CompiledRuleSet> used = sets.get(i);
            if (used.isEmpty()) {
                return new JudgmentResult(HazardGrade.UNMATCHED, List.of(), List.of(), List.of(), facts.inspectionDate(),
                        "检查日期 " + facts.inspectionDate() + " 没有施行中的适用于「" + facts.sector() + "」的判定标准规则集，请人工判定");
            }
            List<RuleSetRef> refs = used.stream().map(CompiledRuleSet::ref).toList();
            List<String> firedRules = List.copyOf(fired.get(i));
            if (runaway[i]) {
                return new JudgmentResult(HazardGrade.UNMATCHED, List.of(), firedRules, refs, facts.inspectionDate(),
                        RUNAWAY_REASON);
            }
            List<SetMatch> found = matches.get(i);
            if (found.isEmpty()) {
                return new JudgmentResult(HazardGrade.UNMATCHED, List.of(), firedRules, refs, facts.inspectionDate(),
                        answers.get(i).isEmpty() ? "未回答检查表中的检查项，仅有文字描述，无法对应判定标准条款，请人工判定"
                                : "所答检查项未符合任何判定标准条款的情形，请人工判定");
            }
            // 重大 first; then a routed or open match (never overridden by a 一般 from another answer); then 一般.
            HazardGrade grade = found.stream().anyMatch(m -> m.match().isMajor()) ? HazardGrade.MAJOR
                    : found.stream().anyMatch(m -> m.match().isUndecided()) ? HazardGrade.UNMATCHED : HazardGrade.GENERAL;
            List<SetMatch> decisive = found.stream().filter(m -> m.match().getGrade() == grade)
                    .sorted(Comparator.comparing(m -> m.match().getRule())).toList();
            List<Citation> citations = decisive.stream()
                    .flatMap(m -> m.match().citations(m.set().citations()).stream()).distinct().toList();
            String reason = grade != HazardGrade.UNMATCHED ? null : decisive.stream()
                    .map(SessionJudging::reason).filter(Objects::nonNull).distinct()
                    .collect(Collectors.joining("；"));
            return new JudgmentResult(grade, citations, firedRules, refs, facts.inspectionDate(), reason);
        }
    }

    private static String reason(SetMatch m) {
        if (m.match().getRoute() == null) {
            return m.match().getReason();
        }
        return m.set().manifest().route(m.match().getRoute()).map(RuleSetManifest.Route::reason)
                .orElse("本标准不予定级，转按「" + m.match().getRoute() + "」方面的专门规定判定（规则集未登记其依据），请人工判定");
    }
}

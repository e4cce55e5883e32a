package cn.yjzf.judgment.sandbox;

import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleProblem;
import cn.yjzf.judgment.RuleValidation;
import java.time.LocalDate;
import java.util.List;

/**
 * What validating rule files in the sandbox found, as the child returns it on stdout (JSON): problems as file:line,
 * every scenario's outcome, coverage, and the rule sets that compiled (empty when anything failed). When the child
 * had to be stopped (time limit) or died, the parent builds one with the reason as the only problem.
 */
public record SandboxResult(String nonce, List<RuleProblem> problems, List<Scenario> scenarios, List<String> coverage,
                            List<RuleSet> ruleSets, List<JudgmentResult> judgments) {

    public record Scenario(String file, String name, boolean passed, List<String> failures) {
    }

    /** A compiled rule set: what a release records about it. */
    public record RuleSet(String id, String version, String hash, String name, LocalDate effectiveFrom,
                          LocalDate effectiveTo) {
    }

    public boolean ok() {
        return problems.isEmpty() && scenarios.stream().allMatch(Scenario::passed);
    }

    public long failedScenarios() {
        return scenarios.stream().filter(s -> !s.passed()).count();
    }

    static SandboxResult of(String nonce, RuleValidation v) {
        List<RuleSet> sets = v.ruleBase() == null ? List.of() : v.ruleBase().ruleSets().stream()
                .map(s -> new RuleSet(s.manifest().id(), s.manifest().version(), s.hash(), s.manifest().name(),
                        s.manifest().effectiveFrom(), s.manifest().effectiveTo())).toList();
        return new SandboxResult(nonce, v.problems(),
                v.scenarios().stream().map(s -> new Scenario(s.file(), s.name(), s.passed(), s.failures())).toList(),
                v.coverage().stream().map(Object::toString).toList(), sets, List.of());
    }

    /**
     * With the other rule families' outcomes (penalty, procedure) merged in: their problems, scenarios and coverage
     * count exactly like the hazard rules', so one failing family fails the whole snapshot.
     */
    SandboxResult with(List<cn.yjzf.judgment.FamilyValidation<?>> families) {
        List<RuleProblem> p = new java.util.ArrayList<>(problems);
        List<Scenario> s = new java.util.ArrayList<>(scenarios);
        List<String> c = new java.util.ArrayList<>(coverage);
        for (cn.yjzf.judgment.FamilyValidation<?> f : families) {
            p.addAll(f.problems());
            f.scenarios().forEach(x -> s.add(new Scenario(x.file(), x.name(), x.passed(), x.failures())));
            c.addAll(f.coverage());
        }
        return new SandboxResult(nonce, List.copyOf(p), List.copyOf(s), List.copyOf(c), ruleSets, judgments);
    }

    static SandboxResult failed(String nonce, RuleProblem reason) {
        return new SandboxResult(nonce, List.of(reason), List.of(), List.of(), List.of(), List.of());
    }

    static SandboxResult judged(String nonce, List<JudgmentResult> judgments) {
        return new SandboxResult(nonce, List.of(), List.of(), List.of(), List.of(), judgments);
    }
}

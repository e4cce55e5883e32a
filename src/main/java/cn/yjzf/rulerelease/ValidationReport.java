package cn.yjzf.rulerelease;

import cn.yjzf.judgment.RuleProblem;
import cn.yjzf.judgment.RuleValidation;
import cn.yjzf.judgment.sandbox.SandboxResult;
import java.util.List;

/**
 * What validation found, as stored with a release (JSON) and shown to maintainers and reviewers: problems as
 * file:line, every scenario's outcome and per-standard coverage.
 */
public record ValidationReport(boolean ok, List<RuleProblem> problems, List<Scenario> scenarios,
                               List<String> coverage, String note) {

    public record Scenario(String file, String name, boolean passed, List<String> failures) {
    }

    static ValidationReport of(RuleValidation v) {
        return new ValidationReport(v.ok(), v.problems(),
                v.scenarios().stream().map(s -> new Scenario(s.file(), s.name(), s.passed(), s.failures())).toList(),
                v.coverage().stream().map(Object::toString).toList(), null);
    }

    /** What the sandbox child found (a time-out or crash comes as a single problem). */
    static ValidationReport of(SandboxResult r) {
        return new ValidationReport(r.ok(), r.problems(),
                r.scenarios().stream().map(s -> new Scenario(s.file(), s.name(), s.passed(), s.failures())).toList(),
                r.coverage(), null);
    }

    static ValidationReport notRun(String note) {
        return new ValidationReport(true, List.of(), List.of(), List.of(), note);
    }

    public long failedScenarios() {
        return scenarios.stream().filter(s -> !s.passed()).count();
    }
}

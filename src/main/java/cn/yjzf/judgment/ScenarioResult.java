package cn.yjzf.judgment;

import java.util.List;

/** The outcome of one scenario: where it is written, and each expectation it failed (empty when it passed). */
public record ScenarioResult(String file, String name, List<String> failures, JudgmentResult actual) {

    public boolean passed() {
        return failures.isEmpty();
    }
}

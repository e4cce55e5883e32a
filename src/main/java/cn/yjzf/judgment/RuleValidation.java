package cn.yjzf.judgment;

import java.util.List;

/**
 * What validating a rules directory found: scenario outcomes, problems (missing citations, rules without a
 * scenario that fires them or a near-miss that must not) and per-standard coverage. {@code ruleBase} is the compiled
 * rule base the scenarios ran against (null when it did not compile), so a caller that goes on to use it need not
 * compile the files a second time.
 */
public record RuleValidation(List<ScenarioResult> scenarios, List<RuleProblem> problems, List<Coverage> coverage,
                             RuleBase ruleBase) {

    /** Items encoded out of the items in the standard, and the named gaps. */
    public record Coverage(String ruleSet, String standard, int itemsEncoded, Integer itemsInStandard,
                           List<RuleSetManifest.Gap> gaps) {

        @Override
        public String toString() {
            String total = itemsInStandard == null ? "?" : itemsInStandard.toString();
            StringBuilder sb = new StringBuilder(ruleSet + "（" + standard + "）：已编码 " + itemsEncoded + " / " + total + " 项");
            gaps.forEach(g -> sb.append("\n    缺口 ").append(g.article()).append(g.item()).append("：").append(g.reason()));
            return sb.toString();
        }
    }

    public boolean ok() {
        return problems.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
    }

    public long failedScenarios() {
        return scenarios.stream().filter(s -> !s.passed()).count();
    }
}

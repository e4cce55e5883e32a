package cn.yjzf.penalty;

import cn.yjzf.judgment.RuleProblem;
import java.util.List;

/**
 * Result of the penalty gate: scenario outcomes, problems ({@code 文件:行号}), article coverage per family and the
 * compiled families (empty when they did not compile).
 */
public record PenaltyValidation(List<Result> results, List<RuleProblem> problems, List<Coverage> coverage,
                                List<PenaltyRuleSet> sets) {

    public boolean ok() {
        return problems.isEmpty() && results.stream().allMatch(Result::passed);
    }

    public record Result(String file, String name, boolean passed, List<String> failures) {
    }

    /** "已编码 N / M 条": articles of the manifest that have a rule with a firing and a near-miss scenario. */
    public record Coverage(String setId, String name, List<String> encoded, List<String> articles, List<String> gaps) {

        public String summary() {
            List<String> missing = articles.stream().filter(a -> !encoded.contains(a)).toList();
            return name + "：已编码 " + encoded.size() + " / " + articles.size() + " 条"
                    + (missing.isEmpty() ? "" : "（未编码：" + String.join("、", missing) + "）");
        }
    }
}

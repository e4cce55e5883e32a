package cn.yjzf.judgment;

import java.time.LocalDate;
import java.util.List;

/**
 * The explained outcome of judging one finding: grade, the citations behind it, every rule that fired, the exact
 * rule sets used (id, version, hash) and the date they were chosen for. {@code reason} explains 未匹配.
 */
public record JudgmentResult(HazardGrade grade, List<Citation> citations, List<String> firedRules,
                             List<RuleSetRef> ruleSets, LocalDate asOf, String reason) {
}

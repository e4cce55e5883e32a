package cn.yjzf.supervision;

/** A part the rectification plan must contain under the rule set in use (e.g. 五落实: 责任、措施、时限、资金、预案). */
public record PlanPart(String code, String label, String source) {
}

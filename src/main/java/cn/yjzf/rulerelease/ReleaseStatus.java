package cn.yjzf.rulerelease;

/**
 * Lifecycle of a submitted rule version. Only a VALIDATED release can be approved; approval makes it LIVE at once and
 * the previous LIVE release SUPERSEDED (kept for re-judging the findings it graded).
 */
public enum ReleaseStatus {
    SUBMITTED("草稿（校验中）"),
    VALIDATED("已通过校验，待法制审核"),
    INVALID("校验未通过"),
    REJECTED("已驳回"),
    LIVE("在用"),
    SUPERSEDED("已被取代");

    private final String label;

    ReleaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.yjzf.review;

/**
 * Lifecycle of anything that is used only after a legal review ({@link FourEyesReview}): a rule release, a 裁量基准
 * table. Only a VALIDATED submission can be approved; approval makes it LIVE at once and, for rule releases, the
 * previous LIVE release SUPERSEDED (kept for re-judging the findings it graded).
 */
public enum ReviewStatus {
    SUBMITTED("草稿（校验中）"),
    VALIDATED("已通过校验，待法制审核"),
    INVALID("校验未通过"),
    REJECTED("已驳回"),
    LIVE("在用"),
    SUPERSEDED("已被取代");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

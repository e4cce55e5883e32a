package cn.yjzf.rectification;

/** Where a hazard of an order stands between the order and its closure. */
public enum TrackStatus {
    ORDERED("已下达"),
    RECTIFYING("整改中"),
    AWAITING_REINSPECTION("待复查"),
    PASSED("复查通过（已销号）"),
    FAILED("复查未通过"),
    ESCALATED("已立案查处");

    private final String label;

    TrackStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still to be rectified: counts towards overdue and may be extended. */
    public boolean open() {
        return this == ORDERED || this == RECTIFYING || this == FAILED;
    }
}

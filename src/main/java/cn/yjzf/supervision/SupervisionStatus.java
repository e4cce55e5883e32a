package cn.yjzf.supervision;

/** Where a 挂牌督办 listing stands on its way to 销号. */
public enum SupervisionStatus {
    LISTED("已挂牌，待报治理方案"),
    RECTIFYING("治理中"),
    ACCEPTED("验收合格，待销号"),
    CLOSED("已销号");

    private final String label;

    SupervisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

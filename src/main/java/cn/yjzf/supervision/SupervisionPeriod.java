package cn.yjzf.supervision;

/** The day counts of a 挂牌督办 rule set (table {@code supervision_day_count}); each may be unset (未配置). */
public enum SupervisionPeriod {
    FILING("挂牌后备案"),
    PUBLICATION("挂牌后公布"),
    EXTENSION_NOTICE("延期申请至迟于期限届满前"),
    EXTENSION_DECISION("收到延期申请后作出决定"),
    ACCEPTANCE("期限届满或申请后验收"),
    CLOSURE_PUBLICATION("销号后公布");

    private final String label;

    SupervisionPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.yjzf.enterprise;

/** Enterprise attributes that make the 专项 articles (and some items) of the standards apply. */
public enum EnterpriseFlag {
    METAL_SMELTING("金属冶炼"),
    DUST_EXPLOSION("粉尘涉爆"),
    AMMONIA_REFRIGERATION("涉氨制冷"),
    CONFINED_SPACE("有限空间作业");

    private final String label;

    EnterpriseFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

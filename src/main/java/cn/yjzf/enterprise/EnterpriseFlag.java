package cn.yjzf.enterprise;

/**
 * Enterprise attributes that make the 专项 articles (and some items) of the standards apply. {@code plausibleIn}: the
 * industries in which the flag is to be expected, so that an inspection of such an enterprise without it prompts the
 * officer to check on site (冶金、有色 are 金属冶炼 by their nature; the other flags depend on the plant, not the industry).
 */
public enum EnterpriseFlag {
    METAL_SMELTING("金属冶炼", Industry.METALLURGY, Industry.NONFERROUS),
    DUST_EXPLOSION("粉尘涉爆"),
    AMMONIA_REFRIGERATION("涉氨制冷"),
    CONFINED_SPACE("有限空间作业");

    private final String label;
    private final java.util.Set<Industry> plausibleIn;

    EnterpriseFlag(String label, Industry... plausibleIn) {
        this.label = label;
        this.plausibleIn = java.util.Set.of(plausibleIn);
    }

    public String label() {
        return label;
    }

    public boolean plausibleIn(Industry industry) {
        return plausibleIn.contains(industry);
    }

    public static java.util.Optional<EnterpriseFlag> ofLabel(String label) {
        return java.util.Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }
}

package cn.yjzf.judgment;

/** The outcome of judging a finding. UNMATCHED is never silently turned into GENERAL. */
public enum HazardGrade {
    MAJOR("重大事故隐患"),
    GENERAL("一般事故隐患"),
    UNMATCHED("未匹配");

    private final String label;

    HazardGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static HazardGrade fromLabel(String label) {
        for (HazardGrade g : values()) {
            if (g.label.equals(label) || g.name().equals(label)) {
                return g;
            }
        }
        throw new IllegalArgumentException("未知的隐患等级：" + label);
    }
}

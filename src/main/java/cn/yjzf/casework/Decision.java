package cn.yjzf.casework;

/** State of an application decided by the 负责人 (办案期限 extension, 延期/分期 payment). */
public enum Decision {
    PENDING("待审批"), APPROVED("已批准"), REFUSED("不予批准");

    private final String label;

    Decision(String label) { this.label = label; }

    public String label() { return label; }
}

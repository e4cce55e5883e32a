package cn.yjzf.rectification;

/**
 * 安全生产法 第六十五条: what an officer orders when a major hazard cannot be kept safe while it is rectified
 * (现场处理措施决定书).
 */
public enum SiteMeasure {
    WITHDRAW_WORKERS("从危险区域内撤出作业人员"),
    SUSPEND_OPERATIONS("暂时停产停业"),
    STOP_USE("停止使用相关设施、设备");

    private final String label;

    SiteMeasure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

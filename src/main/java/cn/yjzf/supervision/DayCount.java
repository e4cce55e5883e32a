package cn.yjzf.supervision;

/** One configured day count: {@code days} and {@code unit} (WORKING 工作日 / CALENDAR 自然日) both null when unset. */
public record DayCount(SupervisionPeriod period, Integer days, String unit, String source) {

    public boolean configured() {
        return days != null;
    }

    public boolean workingDays() {
        return "WORKING".equals(unit);
    }

    /** As the user reads it: 3个工作日 / 10日（自然日） / 未配置. */
    public String describe() {
        if (!configured()) {
            return "未配置";
        }
        return workingDays() ? days + "个工作日" : days + "日（自然日）";
    }
}

package cn.yjzf.supervision;

import java.time.LocalDate;

/** A due date computed from a configured day count, or none when the count is 未配置. */
public record Due(SupervisionPeriod period, LocalDate date, DayCount rule) {

    public boolean configured() {
        return date != null;
    }

    /** 2026-03-05（3个工作日） or 未配置. */
    public String text() {
        return date == null ? "未配置" : date + "（" + rule.describe() + "）";
    }
}

package cn.yjzf.documents;

import java.time.LocalDate;

/** Dates as official documents write them: 2025年3月1日. */
public final class ChineseDates {

    private ChineseDates() {
    }

    public static String format(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}

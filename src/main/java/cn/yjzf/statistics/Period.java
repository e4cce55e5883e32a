package cn.yjzf.statistics;

import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.input.InputBounds;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The date range a figure covers, both ends included. At most ten years, so one request cannot scan everything ever. */
record Period(LocalDate from, LocalDate to) {

    static final int MAX_YEARS = 10;

    static Period of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        String problem = InputBounds.problemWith(f, InputBounds.MAX_YEARS_AHEAD, today);
        if (problem != null) {
            throw new InvalidInputException("from", "DATE_OUT_OF_RANGE", "起始日期：" + problem);
        }
        problem = InputBounds.problemWith(t, InputBounds.MAX_YEARS_AHEAD, today);
        if (problem != null) {
            throw new InvalidInputException("to", "DATE_OUT_OF_RANGE", "截止日期：" + problem);
        }
        if (t.isBefore(f)) {
            throw new InvalidInputException("to", "END_BEFORE_START", "截止日期不能早于起始日期");
        }
        if (ChronoUnit.YEARS.between(f, t) >= MAX_YEARS) {
            throw new InvalidInputException("to", "RANGE_TOO_LONG", "统计区间不能超过十年");
        }
        return new Period(f, t);
    }

    /** From 1 January of the start's year: the base of the 1月–X月 cumulative figures. */
    Period fromStartOfYear() {
        return new Period(from.withDayOfYear(1), to);
    }
}

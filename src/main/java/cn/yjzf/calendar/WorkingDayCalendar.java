package cn.yjzf.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Working days per 行政处罚法 第八十五条 (二日、三日、五日、七日 are working days, not counting statutory holidays) and
 * 行政强制法 第六十九条 (periods of up to ten days are working days). A working day is a weekday that the official
 * yearly schedule does not give off, or a weekend day it makes a working day (调休上班).
 * <p>
 * For a year whose schedule no administrator has entered, only weekends and the fixed-date statutory holidays of
 * 《全国年节及纪念日放假办法》第二条 (元旦, 劳动节, 国庆节) are known; the lunar holidays are not computed, so such
 * deadlines are reported as not exact instead of being presented as certain.
 */
@Service
public class WorkingDayCalendar {

    /** Fixed-date statutory holidays (全国年节及纪念日放假办法 2024 第二条（一）（四）（七）). */
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 2),
            MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3));

    private final JdbcTemplate jdbc;

    WorkingDayCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The day on which a period of {@code n} working days that starts on {@code start} ends: the start day itself is
     * not counted, the n-th working day after it is the last day of the period.
     */
    public Due plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
        Window w = window(start, start.plusDays(n * 3L + 30));
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (d.isAfter(w.to)) {
                w = window(d, d.plusDays(n * 3L + 30));
            }
            if (w.isWorkingDay(d)) {
                counted++;
            }
        }
        Set<Integer> missing = yearsWithoutSchedule(start, d);
        return new Due(d, missing.isEmpty(), missing);
    }

    public boolean isWorkingDay(LocalDate day) {
        return window(day, day).isWorkingDay(day);
    }

    /** The years between the two dates that have no official schedule entered. */
    public Set<Integer> yearsWithoutSchedule(LocalDate from, LocalDate to) {
        return window(from, to).missingYearsBetween(from, to);
    }

    /** A due date and whether it rests on the official schedule of every year it spans. */
    public record Due(LocalDate date, boolean exact, Set<Integer> yearsWithoutSchedule) {
    }

    private Window window(LocalDate from, LocalDate to) {
        Map<LocalDate, String> kinds = new HashMap<>();
        jdbc.query("SELECT cal_date, kind FROM calendar_day WHERE cal_date BETWEEN ? AND ?",
                rs -> { kinds.put(rs.getDate(1).toLocalDate(), rs.getString(2)); }, from, to);
        Set<Integer> years = new HashSet<>(jdbc.queryForList(
                "SELECT cal_year FROM calendar_year WHERE cal_year BETWEEN ? AND ?", Integer.class, from.getYear(), to.getYear()));
        return new Window(to, kinds, years);
    }

    private record Window(LocalDate to, Map<LocalDate, String> kinds, Set<Integer> scheduledYears) {

        boolean isWorkingDay(LocalDate d) {
            String kind = kinds.get(d);
            if (kind != null) {
                return "WORKDAY".equals(kind);
            }
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return false;
            }
            return scheduledYears.contains(d.getYear()) || !FIXED_HOLIDAYS.contains(MonthDay.from(d));
        }

        Set<Integer> missingYearsBetween(LocalDate from, LocalDate to) {
            Set<Integer> missing = new java.util.TreeSet<>();
            for (int y = from.getYear(); y <= to.getYear(); y++) {
                if (!scheduledYears.contains(y)) {
                    missing.add(y);
                }
            }
            return missing;
        }
    }
}

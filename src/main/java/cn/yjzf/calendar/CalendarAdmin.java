package cn.yjzf.calendar;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The system administrator enters each year's official schedule (usually published in November for the next year). */
@Service
public class CalendarAdmin {

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    CalendarAdmin(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public YearSchedule year(int year) {
        List<String> source = jdbc.queryForList("SELECT source FROM calendar_year WHERE cal_year = ?", String.class, year);
        if (source.isEmpty()) {
            return null;
        }
        List<YearSchedule.Day> days = jdbc.query("SELECT cal_date, kind, name FROM calendar_day WHERE cal_year = ? ORDER BY cal_date",
                (rs, i) -> new YearSchedule.Day(rs.getDate(1).toLocalDate(), YearSchedule.Kind.valueOf(rs.getString(2)),
                        rs.getString(3)), year);
        return new YearSchedule(source.get(0), days);
    }

    /** Replaces the year's schedule as a whole (the notice is published as a whole), audited with before and after. */
    @Transactional
    public void replaceYear(String actor, int year, YearSchedule schedule) {
        validate(year, schedule);
        YearSchedule before = year(year);
        jdbc.update("DELETE FROM calendar_day WHERE cal_year = ?", year);
        if (before == null) {
            jdbc.update("INSERT INTO calendar_year (cal_year, source) VALUES (?, ?)", year, schedule.source());
        } else {
            jdbc.update("UPDATE calendar_year SET source = ?, version = version + 1 WHERE cal_year = ?", schedule.source(), year);
        }
        for (YearSchedule.Day d : schedule.days()) {
            jdbc.update("INSERT INTO calendar_day (cal_date, cal_year, kind, name) VALUES (?, ?, ?, ?)",
                    d.day(), year, d.kind().name(), d.name());
        }
        audit.record(actor, "CALENDAR_YEAR_SET", "CalendarYear", (long) year,
                "before=" + (before == null ? "无" : before.days().size() + "天 " + before.source())
                        + "; after=" + schedule.days().size() + "天 " + schedule.source());
    }

    private static void validate(int year, YearSchedule s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add(new FieldProblem("year", "OUT_OF_RANGE", "年份应在2000至2100之间"));
        }
        Set<java.time.LocalDate> seen = new HashSet<>();
        for (int i = 0; i < s.days().size(); i++) {
            YearSchedule.Day d = s.days().get(i);
            String field = "days[" + i + "].day";
            if (d.day().getYear() != year) {
                problems.add(new FieldProblem(field, "WRONG_YEAR", "日期不在" + year + "年内"));
            } else if (!seen.add(d.day())) {
                problems.add(new FieldProblem(field, "DUPLICATE", "日期重复"));
            } else if (d.kind() == YearSchedule.Kind.WORKDAY && d.day().getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.day().getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(new FieldProblem(field, "NOT_A_WEEKEND", "调休上班日应为周六或周日"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}

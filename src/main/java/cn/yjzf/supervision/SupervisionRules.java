package cn.yjzf.supervision;

import cn.yjzf.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local 挂牌督办 rules in use ({@code app.supervision.rule-set}): the plan's required parts and the day counts,
 * read from data rows that carry their source (only local rules were found, casework-facts §7). Due dates count
 * working days on the {@link WorkingDayCalendar}; the start day itself is not counted.
 */
@Component
public class SupervisionRules {

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;
    private final String ruleSet;

    SupervisionRules(JdbcTemplate jdbc, WorkingDayCalendar calendar,
                     @Value("${app.supervision.rule-set:QUZHOU_2022}") String ruleSet) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.ruleSet = ruleSet;
    }

    /** The rule set new listings follow; each listing keeps the one it was listed under. */
    public String ruleSet() {
        return ruleSet;
    }

    public List<PlanPart> planParts(String set) {
        return jdbc.query("SELECT code, label, source FROM supervision_plan_part WHERE rule_set = ? ORDER BY position",
                (rs, n) -> new PlanPart(rs.getString(1), rs.getString(2), rs.getString(3)), set);
    }

    public DayCount dayCount(String set, SupervisionPeriod period) {
        List<DayCount> found = jdbc.query(
                "SELECT days, unit, source FROM supervision_day_count WHERE rule_set = ? AND code = ?",
                (rs, n) -> new DayCount(period, (Integer) rs.getObject(1), rs.getString(2), rs.getString(3)),
                set, period.name());
        return found.isEmpty() ? new DayCount(period, null, null, "规则集 " + set + " 无此期限") : found.get(0);
    }

    public List<DayCount> dayCounts(String set) {
        return java.util.Arrays.stream(SupervisionPeriod.values()).map(p -> dayCount(set, p)).toList();
    }

    /** The last day of the period that starts on {@code from}. */
    public Due after(String set, SupervisionPeriod period, LocalDate from) {
        DayCount c = dayCount(set, period);
        if (!c.configured() || from == null) {
            return new Due(period, null, c);
        }
        LocalDate date = c.workingDays() ? calendar.plusWorkingDays(from, c.days()).date() : from.plusDays(c.days());
        return new Due(period, date, c);
    }

    /** The latest day that still lies the period's count before {@code deadline} (e.g. an extension request). */
    public Due before(String set, SupervisionPeriod period, LocalDate deadline) {
        DayCount c = dayCount(set, period);
        if (!c.configured() || deadline == null) {
            return new Due(period, null, c);
        }
        if (!c.workingDays()) {
            return new Due(period, deadline.minusDays(c.days()), c);
        }
        LocalDate d = deadline;
        for (int counted = 0; counted < c.days(); ) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return new Due(period, d, c);
    }
}

package cn.yjzf.statistics;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.organisation.CurrentUser;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard and the monthly report for the caller's scope; exports are audited like every download. */
@Service
@Transactional(readOnly = true)
class StatisticsService {

    private final StatisticsScope.Resolver scopes;
    private final DashboardBuilder dashboards;
    private final MonthlyReport reports;
    private final AuditTrail audit;
    private final AppTime time;

    StatisticsService(StatisticsScope.Resolver scopes, DashboardBuilder dashboards, MonthlyReport reports,
                      AuditTrail audit, AppTime time) {
        this.scopes = scopes;
        this.dashboards = dashboards;
        this.reports = reports;
        this.audit = audit;
        this.time = time;
    }

    Dashboard dashboard(CurrentUser user, LocalDate from, LocalDate to) {
        return dashboards.build(scopes.of(user), Period.of(from, to, time.today()));
    }

    List<StatTable> report(CurrentUser user, String month) {
        return reports.of(scopes.of(user), month(month), time.today());
    }

    /** The report month, "2025-03"; empty means the current month. */
    YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(time.today());
        }
        try {
            YearMonth m = YearMonth.parse(month.strip());
            if (m.getYear() < 1950 || m.isAfter(YearMonth.from(time.today()))) {
                throw new InvalidInputException("month", "DATE_OUT_OF_RANGE", "月份应在 1950 年至本月之间");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "INVALID_MONTH", "月份格式应为 2025-03");
        }
    }

    void exported(CurrentUser user, String what, String format) {
        audit.recordSeparately(user.username(), "EXPORT_STATISTICS", "statistics", null, what + "，格式 " + format);
    }
}

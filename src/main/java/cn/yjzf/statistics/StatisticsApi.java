package cn.yjzf.statistics;

import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's tables and the monthly report as JSON, for the caller's scope. */
@RestController
@ReadsStatistics
class StatisticsApi {

    private final StatisticsService statistics;

    StatisticsApi(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Operation(summary = "统计看板：检查、隐患整改、处罚与罚款，按月、1月–X月累计、乡镇、行业、标准条款")
    @GetMapping("/api/statistics")
    Dashboard dashboard(@AuthenticationPrincipal CurrentUser user,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.dashboard(user, from, to);
    }

    @Operation(summary = "隐患排查治理月报（本月与 1月–X月累计，按行业）")
    @GetMapping("/api/statistics/monthly-report")
    List<StatTable> report(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String month) {
        return statistics.report(user, month);
    }
}

package cn.yjzf.statistics;

import cn.yjzf.common.InvalidInputException;
import cn.yjzf.organisation.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 统计看板 and 隐患排查治理月报 pages, the charts' data (same session, so it lives beside the page) and the exports. */
@Controller
@ReadsStatistics
class StatisticsPages {

    private final StatisticsService statistics;
    private final StatisticsExport export;

    StatisticsPages(StatisticsService statistics, StatisticsExport export) {
        this.statistics = statistics;
        this.export = export;
    }

    @GetMapping("/statistics")
    String dashboard(@AuthenticationPrincipal CurrentUser user,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     Model model, HttpServletResponse response) {
        try {
            model.addAttribute("dashboard", statistics.dashboard(user, from, to));
        } catch (InvalidInputException e) {
            // the form again, over the default period, saying what was wrong with the dates entered
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.problems());
            model.addAttribute("dashboard", statistics.dashboard(user, null, null));
        }
        return "statistics";
    }

    @GetMapping("/statistics/data")
    @ResponseBody
    Map<String, Object> chartData(@AuthenticationPrincipal CurrentUser user,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.dashboard(user, from, to).chart();
    }

    @GetMapping({"/statistics/export.csv", "/statistics/export.xlsx"})
    void exportDashboard(@AuthenticationPrincipal CurrentUser user,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
        Dashboard d = statistics.dashboard(user, from, to);
        write(user, "统计看板 " + d.period().from() + " 至 " + d.period().to(), "统计看板", d.tables(),
                request.getRequestURI().endsWith(".xlsx"), response);
    }

    @GetMapping("/statistics/report")
    String report(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String month, Model model) {
        model.addAttribute("month", statistics.month(month).toString());
        model.addAttribute("tables", statistics.report(user, month));
        return "statistics-report";
    }

    @GetMapping({"/statistics/report/export.csv", "/statistics/report/export.xlsx"})
    void exportReport(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String month,
                      jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<StatTable> tables = statistics.report(user, month);
        write(user, "隐患排查治理月报 " + statistics.month(month), "隐患排查治理月报", tables,
                request.getRequestURI().endsWith(".xlsx"), response);
    }

    private void write(CurrentUser user, String what, String filename, List<StatTable> tables, boolean xlsx,
                       HttpServletResponse response) throws IOException {
        statistics.exported(user, what, xlsx ? "XLSX" : "CSV");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(filename + (xlsx ? ".xlsx" : ".csv"), StandardCharsets.UTF_8).build().toString());
        if (xlsx) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            export.xlsx(tables, response.getOutputStream());
        } else {
            response.setContentType("text/csv;charset=UTF-8");
            OutputStreamWriter out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            export.csv(tables, out);
            out.flush();
        }
    }
}

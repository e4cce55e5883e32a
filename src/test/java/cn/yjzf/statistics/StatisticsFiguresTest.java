package cn.yjzf.statistics;

import static cn.yjzf.statistics.StatisticsDataset.cites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A hand-counted dataset: every figure below was worked out by hand from the records inserted in {@link #seed()}
 * (the comments name the records), and the dashboard, the monthly report and the exports must show exactly these.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsFiguresTest extends StatisticsTestBase {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 3, 31);

    @Autowired StatisticsService statistics;
    @Autowired HazardTally tally;

    long a;
    long t1;
    long t2;
    CurrentUser approver;
    CurrentUser officer;
    CurrentUser townshipEnforcer;
    CurrentUser outsider;
    String t1Name;
    String t2Name;

    @BeforeAll
    void seed() {
        StatisticsDataset d = new StatisticsDataset(jdbc);
        a = d.agency("统计市应急管理局", null);
        long c = d.agency("统计县应急管理局", a);          // below A: in the approver's subtree
        long x = d.agency("无关市应急管理局", null);        // elsewhere: never counted
        t1Name = "统计甲镇" + a;
        t2Name = "统计乙镇" + a;
        t1 = township(a, t1Name);
        t2 = township(a, t2Name);
        approver = member(a, null, Role.APPROVER);
        officer = member(a, null, Role.OFFICER);
        townshipEnforcer = member(a, t1, Role.TOWNSHIP_ENFORCER);
        outsider = member(x, null, Role.APPROVER);
        long u = officer.id();

        long e1 = d.enterprise(a, t1, "BUILDING_MATERIALS", "刘大伟");
        long e2 = d.enterprise(a, t2, "CHEMICAL", "钱多多");
        long e3 = d.enterprise(a, null, "MACHINERY", "孙小小");
        long e4 = d.enterprise(c, null, "BUILDING_MATERIALS", "周一一");
        long e5 = d.enterprise(x, null, "CHEMICAL", "吴二二");

        long i1 = d.inspection(e1, a, t1, LocalDate.of(2025, 1, 10), u);
        long i2 = d.inspection(e2, a, t2, LocalDate.of(2025, 1, 20), u);
        long i3 = d.inspection(e1, a, t1, LocalDate.of(2025, 2, 5), u);
        long i4 = d.inspection(e3, a, null, LocalDate.of(2025, 3, 15), u);
        long i5 = d.inspection(e4, c, null, LocalDate.of(2025, 3, 20), u);
        long i6 = d.inspection(e5, x, null, LocalDate.of(2025, 2, 10), u);   // other agency
        long i7 = d.inspection(e1, a, t1, LocalDate.of(2024, 12, 30), u);    // before the period
        long i8 = d.inspection(e2, a, t2, LocalDate.of(2025, 4, 2), u);      // after the period

        String itemA = "第六条/一";
        String itemB = "第七条/二";
        String itemC = "第八条/三";
        d.hazard(i1, "GENERAL", cites(itemA, itemC), "PASSED", false, u);      // H1
        d.hazard(i1, "GENERAL", cites(itemA), "RECTIFYING", true, u);          // H2 overdue
        long h3 = d.hazard(i1, "MAJOR", cites(itemB), "PASSED", false, u);    // H3
        d.hazard(i2, "GENERAL", cites(itemA), null, false, u);                 // H4 no order yet
        long h5 = d.hazard(i2, "MAJOR", cites(itemB), "ESCALATED", true, u);  // H5 overdue, escalated
        d.hazard(i3, "GENERAL", cites(itemC), "PASSED", false, u);             // H6
        d.hazard(i3, "UNMATCHED", "[]", null, false, u);                       // H7 not a hazard
        d.hazard(i4, "GENERAL", "[]", "ORDERED", false, u);                    // H8 manual grade, no item
        long h9 = d.hazard(i5, "MAJOR", cites(itemB), "PASSED", false, u);    // H9 county agency
        d.hazard(i6, "GENERAL", cites(itemA), "PASSED", false, u);             // H10 other agency
        d.hazard(i7, "GENERAL", cites(itemA), "PASSED", false, u);             // H11 2024
        long h12 = d.hazard(i8, "MAJOR", cites(itemB), "ORDERED", true, u);   // H12 April
        d.listing(h3, "PROVINCE", LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 1), u);   // L1 省级, 销号 in March
        d.listing(h5, "CITY", LocalDate.of(2025, 2, 1), null, u);                            // L2
        d.listing(h9, "COUNTY", LocalDate.of(2025, 3, 25), null, u);                         // L3 county agency
        d.listing(h12, "CITY", LocalDate.of(2025, 4, 5), null, u);                           // L4 after the period

        d.penaltyCase(a, t1, e1, "统计企业", "ORGANISATION", "PENALTY", LocalDate.of(2025, 1, 25),
                new BigDecimal("2000000.00"), "未采取措施消除事故隐患", "罚款", u);                          // P1
        d.penaltyCase(a, t2, e2, "统计企业", "ORGANISATION", "PENALTY", LocalDate.of(2025, 3, 5),
                new BigDecimal("63340.00"), "未采取措施消除事故隐患", "罚款", u);                            // P2
        d.penaltyCase(a, null, null, "赵某", "INDIVIDUAL", "PENALTY", LocalDate.of(2025, 2, 15),
                null, "违章作业", "警告", u);                                                                // P3 warning
        d.penaltyCase(a, null, e3, "统计企业", "ORGANISATION", "NO_PENALTY", LocalDate.of(2025, 2, 20),
                null, "轻微", null, u);                                                                     // P4 no penalty
        d.penaltyCase(c, null, e4, "统计企业", "ORGANISATION", "PENALTY", LocalDate.of(2025, 3, 31),
                new BigDecimal("1234.56"), "未采取措施消除事故隐患", "罚款", u);                             // P5 county
        d.penaltyCase(a, t1, e1, "统计企业", "ORGANISATION", "PENALTY", LocalDate.of(2025, 4, 1),
                new BigDecimal("50000.00"), "逾期", "罚款", u);                                              // P6 April
        d.penaltyCase(a, t1, e1, "统计企业", "ORGANISATION", null, null, null, "调查中", null, u);          // P7 undecided
        d.penaltyCase(x, null, e5, "统计企业", "ORGANISATION", "PENALTY", LocalDate.of(2025, 2, 1),
                new BigDecimal("99999.00"), "其他机关", "罚款", u);                                          // P8 other agency
        tally.rebuild(); // the records went in as plain SQL (like a restore or an import): rebuilt as production would
    }

    /** Headings: 维度, 检查次数, 检查企业数, 一般(排查, 已整改, 逾期, 整改率), 重大(…), 处罚件数, 罚款元, 罚款万元. */
    static List<String> row(String label, String... cells) {
        List<String> r = new java.util.ArrayList<>(List.of(label));
        r.addAll(List.of(cells));
        return r;
    }

    @Test
    void theApproverSeesTheAgencyAndTheAgencyBelowHandCounted() {
        Dashboard dash = statistics.dashboard(approver, FROM, TO);
        // I1–I5; E1–E4; general H1 H2 H4 H6 H8 (rectified H1 H6, overdue H2); major H3 H5 H9 (rectified H3 H9,
        // overdue H5); penalties P1 P2 P3 P5 = 2,000,000 + 63,340 + 0 + 1,234.56
        assertThat(dash.table("summary").rows()).containsExactly(
                List.of("检查次数", "5"), List.of("检查企业数", "4"),
                List.of("一般隐患（排查）", "5"), List.of("一般隐患已整改", "2"), List.of("一般隐患逾期未整改", "1"),
                List.of("一般隐患整改率", "40.0%"),
                List.of("重大隐患（排查）", "3"), List.of("重大隐患已整改", "2"), List.of("重大隐患逾期未整改", "1"),
                List.of("重大隐患整改率", "66.7%"),
                // listings L1 L2 L3 (L4 is in April), of which 省级 L1, 销号 L1
                List.of("重大隐患挂牌督办", "3"), List.of("其中省级挂牌", "1"), List.of("挂牌隐患销号", "1"),
                List.of("行政处罚（件）", "4"), List.of("罚款（元）", "2064574.56"), List.of("罚款（万元）", "206.457456"));
    }

    @Test
    void byMonthAndCumulativeFromJanuary() {
        Dashboard dash = statistics.dashboard(approver, FROM, TO);
        assertThat(dash.table("month").rows()).containsExactly(
                row("2025年1月", "2", "2", "3", "1", "1", "33.3%", "2", "1", "1", "50.0%", "1", "2000000.00", "200"),
                row("2025年2月", "1", "1", "1", "1", "0", "100.0%", "0", "0", "0", "—", "1", "0.00", "0"),
                row("2025年3月", "2", "2", "1", "0", "0", "0.0%", "1", "1", "0", "100.0%", "2", "64574.56", "6.457456"),
                row("合计", "5", "4", "5", "2", "1", "40.0%", "3", "2", "1", "66.7%", "4", "2064574.56", "206.457456"));
        // enterprises 1月–2月: E1 E2 (E1 again in Feb counts once); 1月–3月 adds E3 E4
        assertThat(dash.table("cumulative").rows()).containsExactly(
                row("2025年1月", "2", "2", "3", "1", "1", "33.3%", "2", "1", "1", "50.0%", "1", "2000000.00", "200"),
                row("2025年1月–2月", "3", "2", "4", "2", "1", "50.0%", "2", "1", "1", "50.0%", "2", "2000000.00", "200"),
                row("2025年1月–3月", "5", "4", "5", "2", "1", "40.0%", "3", "2", "1", "66.7%", "4", "2064574.56", "206.457456"));
    }

    @Test
    void cumulativeStartsInJanuaryEvenWhenThePeriodStartsLater() {
        Dashboard dash = statistics.dashboard(approver, LocalDate.of(2025, 3, 1), TO);
        assertThat(dash.table("cumulative").rows()).containsExactly(
                row("2025年1月–3月", "5", "4", "5", "2", "1", "40.0%", "3", "2", "1", "66.7%", "4", "2064574.56", "206.457456"));
        assertThat(dash.table("month").rows().get(0))
                .isEqualTo(row("2025年3月", "2", "2", "1", "0", "0", "0.0%", "1", "1", "0", "100.0%", "2", "64574.56", "6.457456"));
    }

    @Test
    void byTownshipAndIndustry() {
        Dashboard dash = statistics.dashboard(approver, FROM, TO);
        assertThat(dash.table("township").rows()).containsExactlyInAnyOrder(
                row(t1Name, "2", "1", "3", "2", "1", "66.7%", "1", "1", "0", "100.0%", "1", "2000000.00", "200"),
                row(t2Name, "1", "1", "1", "0", "0", "0.0%", "1", "0", "1", "0.0%", "1", "63340.00", "6.334"),
                row("机关直管（未分乡镇）", "2", "2", "1", "0", "0", "0.0%", "1", "1", "0", "100.0%", "2", "1234.56", "0.123456"),
                row("合计", "5", "4", "5", "2", "1", "40.0%", "3", "2", "1", "66.7%", "4", "2064574.56", "206.457456"));
        assertThat(dash.table("industry").rows()).containsExactlyInAnyOrder(
                row("建材", "3", "2", "3", "2", "1", "66.7%", "2", "2", "0", "100.0%", "2", "2001234.56", "200.123456"),
                row("化工", "1", "1", "1", "0", "0", "0.0%", "1", "0", "1", "0.0%", "1", "63340.00", "6.334"),
                row("机械", "1", "1", "1", "0", "0", "0.0%", "0", "0", "0", "—", "0", "0.00", "0"),
                row("（无登记企业）", "0", "0", "0", "0", "0", "—", "0", "0", "0", "—", "1", "0.00", "0"),
                row("合计", "5", "4", "5", "2", "1", "40.0%", "3", "2", "1", "66.7%", "4", "2064574.56", "206.457456"));
    }

    @Test
    void byStandardItemCountingAHazardUnderEachItemItCites() {
        String std = "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）";
        assertThat(statistics.dashboard(approver, FROM, TO).table("item").rows()).containsExactlyInAnyOrder(
                List.of(std + "第六条第一项", "3", "1", "1", "33.3%", "0", "0", "0", "—"),   // H1 H2 H4
                List.of(std + "第七条第二项", "0", "0", "0", "—", "3", "2", "1", "66.7%"),   // H3 H5 H9
                List.of(std + "第八条第三项", "2", "2", "0", "100.0%", "0", "0", "0", "—"),  // H1 H6
                List.of("（人工判定，未引用标准条款）", "1", "0", "0", "0.0%", "0", "0", "0", "—")); // H8
    }

    @Test
    void anOfficerSeesOwnAgencyOnlyAndATownshipEnforcerOwnTownship() {
        // without county agency C: I1–I4, E1–E3, H9 and P5 drop out → 2,063,340 元 = 206.334 万元
        assertThat(statistics.dashboard(officer, FROM, TO).table("month").rows().get(3)).isEqualTo(
                row("合计", "4", "3", "5", "2", "1", "40.0%", "2", "1", "1", "50.0%", "3", "2063340.00", "206.334"));
        // 甲镇: I1 I3, E1; general H1 H2 H6; major H3; P1
        assertThat(statistics.dashboard(townshipEnforcer, FROM, TO).table("month").rows().get(3)).isEqualTo(
                row("合计", "2", "1", "3", "2", "1", "66.7%", "1", "1", "0", "100.0%", "1", "2000000.00", "200"));
        // the unrelated agency sees only its own I6, H10, P8
        assertThat(statistics.dashboard(outsider, FROM, TO).table("month").rows().get(3)).isEqualTo(
                row("合计", "1", "1", "1", "1", "0", "100.0%", "0", "0", "0", "—", "1", "99999.00", "9.9999"));
    }

    @Test
    void theMonthlyReportShowsWhatIsNotRecordedAsSuch() {
        List<StatTable> report = statistics.report(approver, "2025-03");
        assertThat(report.get(0).title()).isEqualTo("2025年3月");
        assertThat(report.get(0).rows()).containsExactly(
                List.of("建材", "未采集", "0", "0", "—", "1", "1", "100.0%", "未采集", "未采集", "—", "—", "未采集"),     // H9
                List.of("机械", "未采集", "1", "0", "0.0%", "0", "0", "—", "未采集", "未采集", "—", "—", "未采集"),       // H8
                List.of("合计", "未采集", "1", "0", "0.0%", "1", "1", "100.0%", "未采集", "未采集", "1", "0", "未采集")); // L3
        assertThat(report.get(1).title()).isEqualTo("2025年1月–3月累计");
        assertThat(report.get(1).rows().get(report.get(1).rows().size() - 1)).isEqualTo(
                List.of("合计", "未采集", "5", "2", "40.0%", "3", "2", "66.7%", "未采集", "未采集", "3", "1", "未采集"));
    }

    @Test
    void exportsCarryTheSameCellsAndAreAudited() throws Exception {
        String query = "?from=2025-01-01&to=2025-03-31";
        MvcResult csv = mvc.perform(get("/statistics/export.csv" + query).with(user(approver))).andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF总览").contains("罚款（万元）,206.457456").contains("2025年1月–2月,3,2,4,2,1,50.0%");

        MvcResult xlsx = mvc.perform(get("/statistics/report/export.xlsx?month=2025-03").with(user(approver))).andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet month = book.getSheet("2025年3月");
            assertThat(month.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行业");
            assertThat(month.getRow(3).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(month.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(1.0);
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(month.getRow(3).getCell(10))).isEqualTo("1");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT_STATISTICS' AND actor = ?",
                Integer.class, approver.username())).isEqualTo(2);
    }

    /** A bad date in a hand-edited URL: 400 naming the parameter and what it should be; a reversed range gives the form again. */
    @Test
    void badDatesOnThePageNameTheFieldAndNeverA5xx() throws Exception {
        MvcResult notADate = mvc.perform(get("/statistics?from=abc").with(user(approver))).andReturn();
        assertThat(notADate.getResponse().getStatus()).isEqualTo(400);
        assertThat(notADate.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("参数 from 格式不正确，应为日期，如 2025-03-01");
        MvcResult reversed = mvc.perform(get("/statistics?from=2025-03-31&to=2025-01-01").with(user(approver))).andReturn();
        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        assertThat(reversed.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("截止日期不能早于起始日期").contains("name=\"from\"");
    }

    @Test
    void chartDataAndPagesAnswerOnlyTheRolesThatReadStatistics() throws Exception {
        MvcResult data = mvc.perform(get("/statistics/data?from=2025-01-01&to=2025-03-31").with(user(approver))).andReturn();
        assertThat(data.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"months\":[\"2025年1月\",\"2025年2月\",\"2025年3月\"]").contains("\"majorFound\":[2,0,1]")
                .contains("\"finesWan\":[\"200\",\"0\",\"6.457456\"]");
        MvcResult page = mvc.perform(get("/statistics?from=2025-01-01&to=2025-03-31").with(user(approver))).andReturn();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("206.457456")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js").doesNotContain("<script>");
        CurrentUser reviewer = member(a, null, Role.LEGAL_REVIEWER);
        assertThat(mvc.perform(get("/statistics").with(user(reviewer))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js").with(user(approver))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void badRangesAreRefusedNamingTheField() throws Exception {
        MvcResult r = mvc.perform(get("/statistics/export.csv?from=2025-03-01&to=2025-01-01").with(user(approver))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("截止日期不能早于起始日期");
        MvcResult m = mvc.perform(get("/statistics/report?month=2025-13").with(user(approver))).andReturn();
        assertThat(m.getResponse().getStatus()).isEqualTo(400);
    }
}

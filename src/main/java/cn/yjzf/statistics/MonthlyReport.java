package cn.yjzf.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 全国隐患排查治理月报 in the column layout of casework-facts §8 (🟡: taken from a secondary description, the official
 * form was not obtained). By industry, for the month and for 1月–X月. What the system does not record is shown as
 * 未采集 (enterprises' own 排查治理 reports, 治理计划, 五到位) never estimated.
 */
@Component
class MonthlyReport {

    static final String NOT_RECORDED = "未采集";
    static final List<String> HEADERS = List.of("行业", "开展排查治理的企业数", "一般隐患排查数", "一般隐患已整改数", "一般隐患整改率",
            "重大隐患排查数", "重大隐患已整改销号数", "重大隐患整改率", "列入治理计划的重大隐患", "落实五到位的重大隐患",
            "挂牌督办的重大隐患", "其中省级挂牌督办", "治理资金（万元）");

    private final StatisticsQueries queries;
    private final MajorListings listings;

    MonthlyReport(StatisticsQueries queries, MajorListings listings) {
        this.queries = queries;
        this.listings = listings;
    }

    List<StatTable> of(StatisticsScope scope, YearMonth month, LocalDate today) {
        Period thisMonth = Period.of(month.atDay(1), month.atEndOfMonth(), today);
        Period sinceJanuary = thisMonth.fromStartOfYear();
        String title = month.getYear() + "年" + month.getMonthValue() + "月";
        String cumulative = month.getYear() + "年1月–" + month.getMonthValue() + "月累计";
        return List.of(table("report-month", title, scope, thisMonth), table("report-cumulative", cumulative, scope, sinceJanuary));
    }

    private StatTable table(String key, String title, StatisticsScope scope, Period period) {
        Map<String, Figures> byIndustry = queries.figures(scope, period, Dimension.INDUSTRY);
        Figures total = queries.figures(scope, period, Dimension.TOTAL).getOrDefault("*", new Figures());
        List<List<String>> rows = new ArrayList<>();
        byIndustry.entrySet().stream()
                .filter(e -> e.getValue().general.found + e.getValue().major.found > 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(row(DashboardBuilder.industryLabel(e.getKey()), e.getValue(), Optional.empty(), false)));
        rows.add(row("合计", total, listings.figures(scope, period), true));
        return new StatTable(key, title, HEADERS, rows);
    }

    private static List<String> row(String label, Figures f, Optional<MajorListings.Listed> listed, boolean total) {
        String notConnected = total ? DashboardBuilder.NOT_CONNECTED : "—";
        return List.of(label, NOT_RECORDED,
                String.valueOf(f.general.found), String.valueOf(f.general.rectified), f.general.rate(),
                String.valueOf(f.major.found), String.valueOf(f.major.rectified), f.major.rate(),
                NOT_RECORDED, NOT_RECORDED,
                listed.map(l -> String.valueOf(l.listed())).orElse(notConnected),
                listed.map(l -> String.valueOf(l.provincial())).orElse(notConnected),
                listed.filter(l -> l.funds() != null).map(l -> Figures.wanYuan(l.funds())).orElse(NOT_RECORDED));
    }
}

package cn.yjzf.statistics;

import cn.yjzf.enterprise.Industry;
import cn.yjzf.judgment.Citation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Turns the grouped figures into the dashboard's tables and chart series (labels, formatting, totals). */
@Component
class DashboardBuilder {

    static final String NOT_CONNECTED = "未接入";
    static final List<String> FIGURE_HEADERS = List.of("检查次数", "检查企业数", "一般隐患", "一般隐患已整改", "一般隐患逾期",
            "一般隐患整改率", "重大隐患", "重大隐患已整改", "重大隐患逾期", "重大隐患整改率", "行政处罚（件）", "罚款（元）", "罚款（万元）");
    static final String NO_ITEM = "（人工判定，未引用标准条款）";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final StatisticsQueries queries;
    private final MajorListings listings;

    DashboardBuilder(StatisticsQueries queries, MajorListings listings) {
        this.queries = queries;
        this.listings = listings;
    }

    Dashboard build(StatisticsScope scope, Period period) {
        Figures total = queries.figures(scope, period, Dimension.TOTAL).getOrDefault("*", new Figures());
        Map<String, Figures> months = queries.figures(scope, period.fromStartOfYear(), Dimension.MONTH);
        Map<String, String> townships = queries.townshipNames(scope);
        List<StatTable> tables = new ArrayList<>();
        tables.add(summary(total, listings.figures(scope, period)));
        tables.add(byDimension("month", "按月", Dimension.MONTH, inPeriod(months, period), total, DashboardBuilder::monthLabel));
        tables.add(cumulative(months, queries.firstInspectionMonths(scope, period.fromStartOfYear()), period));
        tables.add(byDimension("township", "按乡镇（街道）", Dimension.TOWNSHIP, queries.figures(scope, period, Dimension.TOWNSHIP),
                total, k -> k.isEmpty() ? "机关直管（未分乡镇）" : townships.getOrDefault(k, "乡镇" + k)));
        tables.add(byDimension("industry", "按行业", Dimension.INDUSTRY, queries.figures(scope, period, Dimension.INDUSTRY),
                total, DashboardBuilder::industryLabel));
        tables.add(byItem(queries.figures(scope, period, Dimension.ITEM)));
        return new Dashboard(period, tables, chart(inPeriod(months, period)));
    }

    private static StatTable summary(Figures t, Optional<MajorListings.Listed> listed) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("检查次数", n(t.inspections)));
        rows.add(List.of("检查企业数", n(t.enterprises)));
        grade(rows, "一般隐患", t.general);
        grade(rows, "重大隐患", t.major);
        rows.add(List.of("重大隐患挂牌督办", listed.map(l -> n(l.listed())).orElse(NOT_CONNECTED)));
        rows.add(List.of("其中省级挂牌", listed.map(l -> n(l.provincial())).orElse(NOT_CONNECTED)));
        rows.add(List.of("挂牌隐患销号", listed.map(l -> n(l.closed())).orElse(NOT_CONNECTED)));
        rows.add(List.of("行政处罚（件）", n(t.penalties)));
        rows.add(List.of("罚款（元）", Figures.yuan(t.fines)));
        rows.add(List.of("罚款（万元）", Figures.wanYuan(t.fines)));
        return new StatTable("summary", "总览", List.of("指标", "数值"), rows);
    }

    private static void grade(List<List<String>> rows, String name, Figures.Grade g) {
        rows.add(List.of(name + "（排查）", n(g.found)));
        rows.add(List.of(name + "已整改", n(g.rectified)));
        rows.add(List.of(name + "逾期未整改", n(g.overdue)));
        rows.add(List.of(name + "整改率", g.rate()));
    }

    private static StatTable byDimension(String key, String title, Dimension dim, Map<String, Figures> figures,
                                         Figures total, java.util.function.Function<String, String> label) {
        Map<String, Figures> sorted = new TreeMap<>(dim == Dimension.MONTH ? Comparator.<String>naturalOrder()
                : Comparator.comparing(label, Collator.getInstance(Locale.CHINA)).thenComparing(Comparator.naturalOrder()));
        sorted.putAll(figures);
        List<List<String>> rows = new ArrayList<>();
        sorted.forEach((k, f) -> rows.add(row(label.apply(k), f)));
        rows.add(row("合计", total));
        return new StatTable(key, title, headers(dim.label()), rows);
    }

    /** 1月–X月: each month's figures summed from January of its year (distinct enterprises from first inspections). */
    private static StatTable cumulative(Map<String, Figures> months, Map<String, Long> firstMonths, Period period) {
        Map<String, Figures> sorted = new TreeMap<>(months);
        List<List<String>> rows = new ArrayList<>();
        Figures running = new Figures();
        long enterprises = 0;
        String year = null;
        for (String m : monthsBetween(period.fromStartOfYear())) {
            if (!m.substring(0, 4).equals(year)) {
                year = m.substring(0, 4);
                running = new Figures();
                enterprises = 0;
            }
            running.add(sorted.getOrDefault(m, new Figures()));
            enterprises += firstMonths.getOrDefault(m, 0L);
            running.enterprises = enterprises;
            if (m.compareTo(monthKey(period.from())) >= 0) {
                rows.add(row(Integer.parseInt(m.substring(4)) == 1 ? year + "年1月"
                        : year + "年1月–" + Integer.parseInt(m.substring(4)) + "月", running));
            }
        }
        return new StatTable("cumulative", "1月–X月累计", headers("累计区间"), rows);
    }

    private static StatTable byItem(Map<String, Figures> byCitations) {
        Map<String, Figures> items = new TreeMap<>(Collator.getInstance(Locale.CHINA));
        byCitations.forEach((json, f) -> {
            for (String item : items(json)) {
                Figures sum = items.computeIfAbsent(item, k -> new Figures());
                sum.general.add(f.general);
                sum.major.add(f.major);
            }
        });
        List<List<String>> rows = new ArrayList<>();
        items.forEach((item, f) -> {
            List<String> row = new ArrayList<>(List.of(item));
            gradeCells(row, f.general);
            gradeCells(row, f.major);
            rows.add(row);
        });
        return new StatTable("item", "按标准条款（隐患的判定依据）", List.of("标准条款", "一般隐患", "一般隐患已整改", "一般隐患逾期",
                "一般隐患整改率", "重大隐患", "重大隐患已整改", "重大隐患逾期", "重大隐患整改率"), rows);
    }

    /** A hazard citing several items counts under each of them (docs/statistics.md). */
    static List<String> items(String citationsJson) {
        try {
            List<Citation> cited = JSON.readValue(citationsJson, new TypeReference<List<Citation>>() { });
            List<String> items = cited.stream().map(Citation::display).distinct().toList();
            return items.isEmpty() ? List.of(NO_ITEM) : items;
        } catch (Exception e) {
            return List.of(NO_ITEM);
        }
    }

    private static void gradeCells(List<String> row, Figures.Grade g) {
        row.add(n(g.found));
        row.add(n(g.rectified));
        row.add(n(g.overdue));
        row.add(g.rate());
    }

    static List<String> row(String label, Figures f) {
        List<String> row = new ArrayList<>(List.of(label, n(f.inspections), n(f.enterprises)));
        gradeCells(row, f.general);
        gradeCells(row, f.major);
        row.add(n(f.penalties));
        row.add(Figures.yuan(f.fines));
        row.add(Figures.wanYuan(f.fines));
        return row;
    }

    private static List<String> headers(String first) {
        List<String> h = new ArrayList<>(List.of(first));
        h.addAll(FIGURE_HEADERS);
        return h;
    }

    private Map<String, Object> chart(Map<String, Figures> months) {
        Map<String, Figures> sorted = new TreeMap<>(months);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", sorted.keySet().stream().map(DashboardBuilder::monthLabel).toList());
        chart.put("generalFound", sorted.values().stream().map(f -> f.general.found).toList());
        chart.put("majorFound", sorted.values().stream().map(f -> f.major.found).toList());
        chart.put("rectified", sorted.values().stream().map(f -> f.general.rectified + f.major.rectified).toList());
        chart.put("overdue", sorted.values().stream().map(f -> f.general.overdue + f.major.overdue).toList());
        chart.put("penalties", sorted.values().stream().map(f -> f.penalties).toList());
        chart.put("finesWan", sorted.values().stream().map(f -> Figures.wanYuan(f.fines)).toList());
        return chart;
    }

    /** Every month of the period, a month without records as zeros. */
    private static Map<String, Figures> inPeriod(Map<String, Figures> months, Period period) {
        Map<String, Figures> in = new LinkedHashMap<>();
        for (String m : monthsBetween(period)) {
            in.put(m, months.getOrDefault(m, new Figures()));
        }
        return in;
    }

    static List<String> monthsBetween(Period period) {
        List<String> months = new ArrayList<>();
        for (java.time.YearMonth m = java.time.YearMonth.from(period.from());
             !m.isAfter(java.time.YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.add(monthKey(m.atDay(1)));
        }
        return months;
    }

    static String monthKey(java.time.LocalDate d) {
        return String.valueOf(d.getYear() * 100 + d.getMonthValue());
    }

    static String monthLabel(String key) {
        return key.substring(0, 4) + "年" + Integer.parseInt(key.substring(4)) + "月";
    }

    static String industryLabel(String key) {
        if (key.isEmpty()) {
            return "（无登记企业）";
        }
        try {
            return Industry.valueOf(key).label();
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    private static String n(long v) {
        return String.valueOf(v);
    }
}

package cn.yjzf.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.flow.EmbeddedPostgresHolder;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A province-sized year on PostgreSQL: 1 province, 12 cities, 36 counties, 360 townships, 50,000 enterprises,
 * 100,000 inspections, 1,000,000 hazards (with their findings; 800,000 rectification tracks), 10,000 decided cases.
 * Generated inside the database with INSERT … SELECT generate_series (no row travels over JDBC). Measures every
 * dashboard query and the whole dashboard for the province, a city and a county. Writes target/benchmark/statistics.md.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=StatisticsBenchmark}.
 */
@SpringBootTest(properties = "app.demo-data=false")
@ActiveProfiles("postgres")
class StatisticsBenchmark {

    static final int INSPECTIONS = Integer.getInteger("bench.inspections", 100_000);
    static final int HAZARDS_PER_INSPECTION = 10;
    static final int CASES = Integer.getInteger("bench.cases", 10_000);
    static final int ENTERPRISES = 50_000;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 10);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresHolder.jdbcUrl("statbench"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("app.audit.hmac-secret", () -> "c3RhdGlzdGljcy1iZW5jaG1hcmstaG1hYy1zZWNyZXQtMzJieXRlcw==");
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired AppUserRepository users;
    @Autowired StatisticsQueries queries;
    @Autowired DashboardBuilder dashboards;
    @Autowired StatisticsScope.Resolver scopes;
    @Autowired MonthlyReport reports;
    @Autowired HazardTally tally;
    @Autowired StatisticsService statistics;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    final List<String> lines = new ArrayList<>();

    @Test
    void aProvinceSizedYearAnswersWithinASecondPerQuery() throws Exception {
        StatisticsDataset d = new StatisticsDataset(jdbc);
        long province = d.agency("基准省应急管理厅", null);
        List<Long> cities = new ArrayList<>();
        List<Long> counties = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            long city = d.agency("基准市" + c + "应急管理局", province);
            cities.add(city);
            for (int k = 0; k < 3; k++) {
                long county = d.agency("基准县" + c + "-" + k + "应急管理局", city);
                counties.add(county);
                for (int t = 0; t < 10; t++) {
                    d.insert("township", java.util.Map.of("agency_id", county, "name", "基准镇" + c + "-" + k + "-" + t));
                }
            }
        }
        CurrentUser creator = CurrentUser.of(users.save(new AppUser("bench-officer", "{noop}x", "基准", counties.get(0), null,
                "B1", LocalDate.of(2030, 1, 1), Set.of(Role.OFFICER))));
        long t0 = System.nanoTime();
        seed(counties, creator.id());
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        // bulk-loaded with plain SQL, like an import or a restore: the tally is built the way production does then
        long t1 = System.nanoTime();
        tally.rebuild();
        double rebuildSeconds = (System.nanoTime() - t1) / 1e9;
        jdbc.execute("ANALYZE");

        CurrentUser provincial = CurrentUser.of(users.save(new AppUser("bench-province", "{noop}x", "省", province, null,
                null, null, Set.of(Role.APPROVER))));
        CurrentUser cityHead = CurrentUser.of(users.save(new AppUser("bench-city", "{noop}x", "市", cities.get(0), null,
                null, null, Set.of(Role.UNIT_HEAD))));
        CurrentUser countyOfficer = CurrentUser.of(users.save(new AppUser("bench-county", "{noop}x", "县", counties.get(0), null,
                "B2", LocalDate.of(2030, 1, 1), Set.of(Role.OFFICER))));
        Period year = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

        long hazards = jdbc.queryForObject("SELECT COUNT(*) FROM hazard", Long.class);
        lines.addAll(List.of("# 统计看板基准测试结果（StatisticsBenchmark）", "",
                "- 时间：" + Instant.now() + "；" + Runtime.getRuntime().availableProcessors() + " 核，Java "
                        + System.getProperty("java.version") + "；PostgreSQL " + jdbc.queryForObject("SHOW server_version", String.class)
                        + "（嵌入式，同机，默认配置）",
                "- 数据：1 省 12 市 36 县 360 乡镇，" + ENTERPRISES + " 家企业，" + jdbc.queryForObject("SELECT COUNT(*) FROM inspection", Long.class)
                        + " 次检查，" + hazards + " 条隐患（" + jdbc.queryForObject("SELECT COUNT(*) FROM rectification_track", Long.class)
                        + " 条整改跟踪），" + jdbc.queryForObject("SELECT COUNT(*) FROM penalty_case", Long.class)
                        + " 件已决定案件；生成用时 " + String.format("%.1f", seedSeconds) + " 秒；汇总表重建（HazardTally.rebuild）"
                        + String.format("%.1f", rebuildSeconds) + " 秒：hazard_fact " + count("hazard_fact") + " 行，hazard_tally "
                        + count("hazard_tally") + " 行，hazard_item_tally " + count("hazard_item_tally") + " 行，hazard_day_tally "
                        + count("hazard_day_tally") + " 行",
                "- 每项预热 2 次、测量 " + ROUNDS + " 次（毫秒）", "",
                "| 范围 | 查询 | 中位数 | 最大 |", "|---|---|---:|---:|"));
        for (CurrentUser u : List.of(provincial, cityHead, countyOfficer)) {
            StatisticsScope scope = scopes.of(u);
            String who = u == provincial ? "全省（负责人）" : u == cityHead ? "一个市（含 3 县）" : "一个县（执法人员）";
            for (Dimension dim : Dimension.values()) {
                measure(who, "按" + dim.label() + "（检查、隐患、处罚三条聚合）", () -> queries.figures(scope, year, dim));
            }
            measure(who, "1月–X月累计的检查企业数", () -> queries.firstInspectionMonths(scope, year));
            double[] whole = measure(who, "**整个看板**（全年 2025-01-01—2025-12-31，经 StatisticsService）",
                    () -> statistics.dashboard(u, year.from(), year.to()));
            measure(who, "**整个看板**（年初至 11 月 27 日：11 月按日即时聚合）",
                    () -> statistics.dashboard(u, year.from(), LocalDate.of(2025, 11, 27)));
            measure(who, "**整个看板**（任意区间 3 月 15 日—6 月 20 日）",
                    () -> statistics.dashboard(u, LocalDate.of(2025, 3, 15), LocalDate.of(2025, 6, 20)));
            if (u != provincial || ROUNDS <= 3) {
                measure(who, "参照：隐患按月，全部从记录即时聚合（liveFigures）", () -> queries.liveFigures(scope, year, Dimension.MONTH));
            }
            measure(who, "隐患排查治理月报（12 月，本月与累计）", () -> reports.of(scope, java.time.YearMonth.of(2025, 12), LocalDate.of(2026, 1, 31)));
            if (u == provincial) {
                for (Dimension dim : Dimension.values()) {
                    assertThat(rows(queries.figures(scope, year, dim))).as(dim.name())
                            .isEqualTo(rows(queries.liveFigures(scope, year, dim)));
                }
                Period partial = new Period(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 6, 20));
                assertThat(rows(queries.figures(scope, partial, Dimension.TOWNSHIP)))
                        .isEqualTo(rows(queries.liveFigures(scope, partial, Dimension.TOWNSHIP)));
                lines.add("");
                lines.add("全省：各维度的汇总表数字与即时聚合逐格相等（全年与 3 月 15 日—6 月 20 日两个区间已核对）；汇总表核对差异 "
                        + tally.differences().size() + " 处");
                Dashboard dash = dashboards.build(scope, year);
                assertThat(dash.table("summary").rows().get(0)).containsExactly("检查次数", String.valueOf(INSPECTIONS));
                lines.add("");
                lines.add("全省看板总览：" + dash.table("summary").rows());
                lines.add("");
            }
            assertThat(whole[0]).isPositive();
        }
        StatisticsScope all = scopes.of(provincial);
        String sql = "EXPLAIN (ANALYZE, BUFFERS) SELECT " + Dimension.MONTH.key("inspection_date") + " AS k, h.grade, COUNT(*),"
                + " SUM(CASE WHEN t.status = 'PASSED' THEN 1 ELSE 0 END), SUM(CASE WHEN t.overdue AND t.status <> 'PASSED' THEN 1 ELSE 0 END)"
                + " FROM hazard h JOIN finding f ON f.id = h.finding_id JOIN inspection r ON r.id = f.inspection_id"
                + " LEFT JOIN rectification_track t ON t.hazard_id = h.id WHERE h.grade IN ('GENERAL', 'MAJOR')"
                + " AND r.agency_id IN (:agencies) AND r.inspection_date BETWEEN :from AND :to GROUP BY 1, h.grade";
        MapSqlParameterSource tp = new MapSqlParameterSource("agencies", all.agencyIds()).addValue("first", 202501).addValue("last", 202510)
                .addValue("from", LocalDate.of(2025, 11, 1)).addValue("to", LocalDate.of(2025, 11, 27));
        lines.addAll(List.of("", "## 查询计划（全省，汇总表：整月隐患按乡镇）", "", "```"));
        lines.addAll(named.queryForList("EXPLAIN (ANALYZE, BUFFERS) SELECT COALESCE(CAST(r.township_id AS VARCHAR(20)), '') AS k, r.grade,"
                + " SUM(r.found), SUM(r.rectified), SUM(r.overdue) FROM hazard_tally r WHERE r.agency_id IN (:agencies)"
                + " AND r.ym BETWEEN :first AND :last GROUP BY 1, r.grade", tp, String.class));
        lines.addAll(List.of("```", "", "## 查询计划（全省，月内边缘日：hazard_day_tally 11 月 1—27 日按乡镇）", "", "```"));
        lines.addAll(named.queryForList("EXPLAIN (ANALYZE, BUFFERS) SELECT COALESCE(CAST(r.township_id AS VARCHAR(20)), '') AS k, r.grade,"
                + " SUM(r.found), SUM(r.rectified), SUM(r.overdue) FROM hazard_day_tally r WHERE r.agency_id IN (:agencies)"
                + " AND r.inspection_date BETWEEN :from AND :to GROUP BY 1, r.grade", tp, String.class));
        lines.addAll(List.of("```", "", "## 查询计划（全省，月内边缘日的标准条款：hazard_fact 11 月 1—27 日）", "", "```"));
        lines.addAll(named.queryForList("EXPLAIN (ANALYZE, BUFFERS) SELECT r.citations AS k, r.grade,"
                + " COUNT(*), SUM(r.rectified), SUM(r.overdue) FROM hazard_fact r WHERE r.agency_id IN (:agencies)"
                + " AND r.inspection_date BETWEEN :from AND :to GROUP BY 1, r.grade", tp, String.class));
        lines.addAll(List.of("```", "", "## 查询计划（全省，检查次数与企业数按乡镇，即时）", "", "```"));
        lines.addAll(named.queryForList("EXPLAIN (ANALYZE, BUFFERS) SELECT " + Dimension.TOWNSHIP.key("inspection_date")
                + " AS k, COUNT(*), COUNT(DISTINCT r.enterprise_id) FROM inspection r WHERE r.agency_id IN (:agencies)"
                + " AND r.inspection_date BETWEEN :from AND :to GROUP BY 1",
                tp.addValue("from", year.from()).addValue("to", year.to()), String.class));
        lines.addAll(List.of("```", "", "## 查询计划（全省，参照实现：隐患按月从记录即时聚合）", "", "```"));
        lines.addAll(named.queryForList(sql, p0(all, year), String.class));
        lines.add("```");
        writeCost();
        lines.addAll(List.of("", "## 查询计划（一个县，参照实现：隐患按月）", "", "```"));
        lines.addAll(named.queryForList(sql, p0(scopes.of(countyOfficer), year), String.class));
        lines.add("```");
        String report = String.join("\n", lines) + "\n";
        Path out = Path.of("target", "benchmark", "statistics.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static MapSqlParameterSource p0(StatisticsScope scope, Period period) {
        return new MapSqlParameterSource("agencies", scope.agencyIds()).addValue("from", period.from()).addValue("to", period.to());
    }

    /**
     * What the tally adds to a writing transaction: for 1,000 inspections (10 hazards each) one transaction each flips
     * the overdue flag of the inspection's tracks (plain SQL, not timed) and then runs {@link HazardTally#refresh} for
     * its hazards, as the before-commit step does after judging or a track transition; only the refresh is timed.
     */
    private void writeCost() {
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        List<Long> inspections = jdbc.queryForList("SELECT id FROM inspection ORDER BY id LIMIT 1000", Long.class);
        long[] ns = new long[inspections.size()];
        long[] unchanged = new long[inspections.size()];
        for (int i = 0; i < inspections.size(); i++) {
            long inspection = inspections.get(i);
            List<Long> hazardIds = jdbc.queryForList("SELECT h.id FROM hazard h JOIN finding f ON f.id = h.finding_id"
                    + " WHERE f.inspection_id = ?", Long.class, inspection);
            int n = i;
            tx.executeWithoutResult(status -> {
                jdbc.update("UPDATE rectification_track SET overdue = NOT overdue WHERE hazard_id IN (SELECT h.id FROM hazard h"
                        + " JOIN finding f ON f.id = h.finding_id WHERE f.inspection_id = ?)", inspection);
                long s = System.nanoTime();
                tally.refresh(hazardIds);
                ns[n] = System.nanoTime() - s;
                s = System.nanoTime();
                tally.refresh(hazardIds);
                unchanged[n] = System.nanoTime() - s;
            });
        }
        Arrays.sort(ns);
        Arrays.sort(unchanged);
        long t = System.nanoTime();
        int folded = tx.execute(status -> tally.fold());
        double foldMs = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        int differences = tally.differences().size();
        double checkMs = (System.nanoTime() - t) / 1e6;
        lines.addAll(List.of("", "## 写入代价（汇总表在写事务中的维护）", "",
                String.format("- 1,000 个事务，每个改变一次检查的 10 条隐患的整改状态后刷新汇总：每事务中位数 %.2f 毫秒，p90 %.2f，最大 %.2f"
                        + "（无变化时再刷新一次：中位数 %.2f 毫秒）", ns[ns.length / 2] / 1e6, ns[ns.length * 9 / 10] / 1e6,
                        ns[ns.length - 1] / 1e6, unchanged[unchanged.length / 2] / 1e6),
                String.format("- 随后合并增量（fold）：%d 行，%.0f 毫秒；全量核对（differences）：%d 处差异，%.0f 毫秒",
                        folded, foldMs, differences, checkMs)));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static java.util.Map<String, List<String>> rows(java.util.Map<String, Figures> figures) {
        java.util.Map<String, List<String>> rows = new java.util.TreeMap<>();
        figures.forEach((k, f) -> rows.put(k, DashboardBuilder.row(k, f)));
        return rows;
    }

    private double[] measure(String who, String what, Supplier<?> query) {
        for (int i = 0; i < 2; i++) {
            query.get();
        }
        long[] ns = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long s = System.nanoTime();
            query.get();
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        double median = ns[ROUNDS / 2] / 1e6;
        double max = ns[ROUNDS - 1] / 1e6;
        lines.add(String.format("| %s | %s | %.0f | %.0f |", who, what, median, max));
        return new double[] {median, max};
    }

    /** Everything generated inside PostgreSQL: INSERT … SELECT over generate_series, one statement per table. */
    private void seed(List<Long> counties, long user) {
        jdbc.execute("CREATE TEMP TABLE bench_town AS SELECT (row_number() OVER (ORDER BY id)) - 1 AS idx, agency_id, id AS township_id"
                + " FROM township WHERE name LIKE '基准镇%'");
        jdbc.execute("CREATE TEMP TABLE bench_cite AS SELECT g AS idx, '[{\"rule\":\"r' || g || '\",\"standard\":\"工贸企业重大事故隐患判定标准\","
                + "\"documentNumber\":\"应急管理部令第10号\",\"article\":\"第' || (4 + g / 8) || '条\",\"item\":\"' || (1 + g % 8)"
                + " || '\",\"title\":\"\",\"verification\":\"✅\",\"source\":\"\"}]' AS json FROM generate_series(0, 59) g");
        jdbc.update("INSERT INTO enterprise (credit_code, name, industry, agency_id, township_id, address, legal_representative, created_at)"
                + " SELECT 'B' || lpad(g::text, 17, '0'), '基准企业' || g,"
                + " (ARRAY['BUILDING_MATERIALS','CHEMICAL','MACHINERY','METALLURGY','LIGHT_INDUSTRY','COMMERCE'])[1 + g % 6],"
                + " t.agency_id, t.township_id, '基准路' || g || '号', '法人' || g, now()"
                + " FROM generate_series(1, " + ENTERPRISES + ") g JOIN bench_town t ON t.idx = g % 360");
        long firstEnterprise = jdbc.queryForObject("SELECT MIN(id) FROM enterprise WHERE credit_code LIKE 'B%'", Long.class);
        jdbc.update("INSERT INTO inspection (enterprise_id, agency_id, township_id, inspection_date, place, status, created_by, created_at)"
                + " SELECT e.id, e.agency_id, e.township_id, DATE '2025-01-01' + ((g * 7919) % 365), '车间', 'ISSUED', ?, now()"
                + " FROM generate_series(1, " + INSPECTIONS + ") g JOIN enterprise e ON e.id = ? + (g % " + ENTERPRISES + ")",
                user, firstEnterprise);
        jdbc.update("INSERT INTO finding (inspection_id, description, created_by, created_at)"
                + " SELECT i.id, '基准隐患', ?, now() FROM inspection i CROSS JOIN generate_series(1, " + HAZARDS_PER_INSPECTION + ") k", user);
        jdbc.update("INSERT INTO hazard (finding_id, engine_grade, grade, citations, fired_rules, rule_sets, as_of, judged_at)"
                + " SELECT f.id, g.grade, g.grade, c.json, '[]', '[]', DATE '2025-01-01', now() FROM finding f"
                + " JOIN bench_cite c ON c.idx = f.id % 60"
                + " CROSS JOIN LATERAL (SELECT CASE WHEN f.id % 20 = 0 THEN 'MAJOR' WHEN f.id % 20 = 1 THEN 'UNMATCHED' ELSE 'GENERAL' END AS grade) g");
        jdbc.update("INSERT INTO rectification_order (inspection_id, agency_id, document_no, doc_year, doc_seq, issue_date, issued_by,"
                + " issued_at, pdf, pdf_sha256) SELECT i.id, i.agency_id, '基准〔2025〕' || i.id || '号', 2025, i.id, i.inspection_date, ?, now(),"
                + " '\\x01'::bytea, repeat('0', 64) FROM inspection i", user);
        jdbc.update("INSERT INTO rectification_track (order_id, seq, hazard_id, agency_id, township_id, major, status, deadline, overdue)"
                + " SELECT o.id, row_number() OVER (PARTITION BY o.id ORDER BY h.id), h.id, i.agency_id, i.township_id, h.grade = 'MAJOR',"
                + " CASE WHEN h.id % 10 < 7 THEN 'PASSED' WHEN h.id % 10 = 7 THEN 'RECTIFYING' WHEN h.id % 10 = 8 THEN 'ORDERED'"
                + " ELSE 'AWAITING_REINSPECTION' END, i.inspection_date + 30, h.id % 10 = 7"
                + " FROM hazard h JOIN finding f ON f.id = h.finding_id JOIN inspection i ON i.id = f.inspection_id"
                + " JOIN rectification_order o ON o.inspection_id = i.id WHERE h.grade <> 'UNMATCHED' AND f.id % 9 <> 4");
        jdbc.update("INSERT INTO penalty_case (agency_id, township_id, enterprise_id, party_name, party_type, matter_code, case_source,"
                + " cause, procedure_kind, stage, outcome, acting_mode, issuing_name, proposed_penalty, proposed_fine, decided_on,"
                + " created_by, created_at) SELECT e.agency_id, e.township_id, e.id, e.name, 'ORGANISATION', 'AQSC-102', 'HAZARD',"
                + " '基准案件', 'GENERAL', 'EXECUTION', 'PENALTY', 'OWN', '基准局', '罚款', (1 + g % 50) * 1000.00,"
                + " DATE '2025-01-01' + ((g * 104729) % 365), ?, now()"
                + " FROM generate_series(1, " + CASES + ") g JOIN enterprise e ON e.id = ? + ((g * 7) % " + ENTERPRISES + ")",
                user, firstEnterprise);
    }
}

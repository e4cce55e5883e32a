package cn.yjzf.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.flow.Fixtures;
import cn.yjzf.inspection.Inspection;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.rectification.IssueOrder;
import cn.yjzf.rectification.RectificationService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 责令限期整改指令书 issued end to end through {@link RectificationService#issue}: number drawn under the row lock, items
 * validated, PDF rendered with embedded fonts, stored with its SHA-256, lifecycle rows and audit record written, each
 * order committed on its own on the durable file H2 (WRITE_DELAY=0, the production setting), {@code bench.threads}
 * (default 2) issuers at once, on a fresh database file per run. The inspections are prepared untimed. Writes target/benchmark/rectification.md.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=RectificationOrderBenchmark}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/benchmark/rectification-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0",
        "app.demo-data=false"})
class RectificationOrderBenchmark {

    static final int ORDERS = Integer.getInteger("bench.orders", 1000);
    static final int THREADS = Integer.getInteger("bench.threads", 2);

    @Autowired Fixtures fixtures;
    @Autowired InspectionService inspections;
    @Autowired RectificationService orders;
    @Autowired JdbcTemplate jdbc;

    @Autowired cn.yjzf.documents.PdfRenderer renderer;

    /** The rendering alone, for the share of the end-to-end time it takes: documents per minute on THREADS threads. */
    private double renderOnly() throws Exception {
        return OrderRenderBenchmark.perMinute(renderer, 200, THREADS);
    }

    @Test
    void thousandOrdersEndToEnd() throws Exception {
        Fixtures.Bureau b = fixtures.bureau("基准");
        Enterprise cement = fixtures.enterprise(b, Industry.BUILDING_MATERIALS, b.township(), Set.of(EnterpriseFlag.DUST_EXPLOSION));
        CurrentUser officer = b.officer();
        LocalDate day = LocalDate.of(2026, 6, 10);
        List<Long> ready = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Inspection insp = inspections.open(officer, new NewInspection(cement.getId(), day, "煤磨车间" + i,
                    Set.of(officer.id(), b.officer2().id())));
            inspections.addFinding(officer, insp.getId(), new NewFinding("GM-06-06", Map.of("GM-06-06-GAS", "未设置"),
                    "燃气配气间未设置可燃气体浓度监测报警装置", "燃气配气间"));
            ready.add(insp.getId());
        }
        IssueOrder cmd = new IssueOrder(day, day.plusDays(20), null);
        for (int i = 0; i < 20; i++) {
            orders.issue(officer, ready.remove(ready.size() - 1), cmd); // warm-up, not counted
        }
        double renderPerMinute = renderOnly();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < ready.size(); i = next.getAndIncrement()) {
                    orders.issue(officer, ready.get(i), cmd);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        int issued = ready.size();
        Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM rectification_order WHERE agency_id = ?", Integer.class,
                b.agency().getId());
        assertThat(stored).isEqualTo(issued + 20);
        Integer distinct = jdbc.queryForObject("SELECT COUNT(DISTINCT document_no) FROM rectification_order WHERE agency_id = ?",
                Integer.class, b.agency().getId());
        assertThat(distinct).isEqualTo(stored);
        String report = "# 责令限期整改指令书端到端签发\n\n| 指令书 | 线程 | 用时 | 每分钟 |\n|---:|---:|---:|---:|\n| " + issued + " | "
                + THREADS + " | " + String.format("%.1f s", seconds) + " | " + Math.round(issued / seconds * 60) + " |\n"
                + "\n只渲染 PDF（同一模板、一项隐患，" + THREADS + " 线程，不写库）：每分钟 " + Math.round(renderPerMinute) + " 份\n";
        Path out = Path.of("target/benchmark/rectification.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }
}

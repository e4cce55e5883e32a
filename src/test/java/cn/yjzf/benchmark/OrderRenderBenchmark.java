package cn.yjzf.benchmark;

import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.DocumentsProperties;
import cn.yjzf.documents.PdfRenderer;
import cn.yjzf.rectification.OrderDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The 责令限期整改指令书 rendered alone (no Spring, no database): documents per minute on {@code bench.threads}
 * threads. With {@code -Dbench.jfr=true} the timed part is recorded with Java Flight Recorder into
 * target/benchmark/order-render.jfr (read it with {@code jfr print --events jdk.ExecutionSample}).
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=OrderRenderBenchmark}.
 */
class OrderRenderBenchmark {

    static final int DOCS = Integer.getInteger("bench.docs", 400);
    static final int THREADS = Integer.getInteger("bench.threads", 2);

    /** One order with one major hazard, as the end-to-end benchmark issues it. */
    static Map<String, Object> model() {
        return model("基准责改〔2026〕1号");
    }

    static Map<String, Object> model(String documentNo) {
        return Map.of("doc", new OrderDocument("江城市应急管理局", documentNo, "责令限期整改指令书",
                "测试建材企业", "91330100MA0000001X", "测试路1号", "刘法人", "2026年6月10日", "煤磨车间",
                List.of(new OrderDocument.Line(1, "燃气配气间未设置可燃气体浓度监测报警装置", "燃气配气间", "重大事故隐患",
                        List.of("《工贸企业重大事故隐患判定标准》第六条第（六）项"), "2026年6月30日")), true,
                List.of(new OrderDocument.Officer("张堃", "C101")), "2026年6月10日"));
    }

    /** Renders {@code docs} orders on {@code threads} threads; documents per minute. */
    static double perMinute(PdfRenderer renderer, int docs, int threads) throws Exception {
        Map<String, Object> model = model();
        AtomicInteger left = new AtomicInteger(docs);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    renderer.render(DocumentType.RECTIFICATION_ORDER, model);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return docs / ((System.nanoTime() - t0) / 1e9) * 60;
    }

    @Test
    void renderOrders() throws Exception {
        PdfRenderer renderer = new PdfRenderer(
                new DocumentsProperties(Path.of("case-templates"), null, null, null, null, null), new DefaultResourceLoader());
        perMinute(renderer, 40, 1); // warm-up
        Recording jfr = Boolean.getBoolean("bench.jfr") ? new Recording(Configuration.getConfiguration("profile")) : null;
        if (jfr != null) {
            jfr.start();
        }
        double perMinute = perMinute(renderer, DOCS, THREADS);
        Files.createDirectories(Path.of("target/benchmark"));
        if (jfr != null) {
            jfr.stop();
            jfr.dump(Path.of("target/benchmark/order-render.jfr"));
        }
        // the two halves of issuing, one thread: laid out before the counter is locked, the number written under it
        cn.yjzf.documents.TemplateText template = renderer.template(DocumentType.RECTIFICATION_ORDER);
        cn.yjzf.documents.NumberShape shape = new DocumentsProperties(null, null, null, null, null, null)
                .shape("基准", DocumentType.RECTIFICATION_ORDER, 2026, null);
        long layout = 0;
        long fill = 0;
        int n = 200;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            cn.yjzf.documents.NumberedPdf pdf = renderer.renderNumbered(template, shape, OrderRenderBenchmark::model);
            long t1 = System.nanoTime();
            pdf.withNumber("基准责改〔2026〕" + (i + 1) + "号");
            fill += System.nanoTime() - t1;
            layout += t1 - t0;
        }
        String report = "只渲染整改指令书：" + DOCS + " 份，" + THREADS + " 线程，每分钟 " + Math.round(perMinute) + " 份；"
                + String.format("单线程每份：锁外排版绘制 %.1f 毫秒，锁内填入文号 %.1f 毫秒", layout / 1e6 / n, fill / 1e6 / n);
        Files.writeString(Path.of("target/benchmark/order-render.md"), report + "\n");
        System.out.println(report);
    }
}

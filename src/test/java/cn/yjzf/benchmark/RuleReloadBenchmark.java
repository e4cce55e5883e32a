package cn.yjzf.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleValidator;
import cn.yjzf.judgment.RulesProperties;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;

/**
 * Hot reload: compile time per rule-base size, validation time (compile + every scenario), and heap after many
 * reloads into a live engine (each new base judged once so its session pool is used). Writes
 * target/benchmark/reload.md. Run with {@code ./mvnw -Pbenchmark test}.
 */
class RuleReloadBenchmark {

    static final int RELOADS = Integer.getInteger("bench.reloads", 200);

    private final StringBuilder report = new StringBuilder();

    @Test
    void reloads() throws Exception {
        RuleFiles all = RuleFiles.fromDirectory(Path.of("rules"));
        line("# 规则库热加载基准测试结果");
        line("");
        line("- 时间：" + Instant.now() + "；机器：" + Runtime.getRuntime().availableProcessors() + " 核，Java "
                + System.getProperty("java.version") + "，最大堆 " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB");
        line("");
        line("## 每次编译用时与规则库规模");
        line("");
        line("| 规则库 | 规则数 | 编译用时（10 次平均） |");
        line("|---|---:|---:|");
        for (String set : List.of("huagong-2017/", "gongmao-2023/")) {
            compileTime(set.replace("/", ""), subset(all, set));
        }
        compileTime("全部规则集", all);
        line("");
        long t0 = System.nanoTime();
        boolean ok = new RuleValidator().validate(all).ok();
        line(String.format("完整校验（编译 + 运行全部场景）一次：%.2f 秒，结果：%s。", (System.nanoTime() - t0) / 1e9, ok ? "通过" : "未通过"));
        line("");

        RuleEngine engine = new RuleEngine(new RulesProperties(Path.of("rules")));
        FindingFacts finding = new FindingFacts(new cn.yjzf.judgment.EnterpriseFacts("建材", java.util.Set.of(), null), "工贸",
                java.time.LocalDate.of(2025, 6, 1), Map.of("GM-06-01-TEMP", "未设置"));
        line("## 连续热加载 " + RELOADS + " 次后的堆内存（每次加载全部规则集并替换在用规则库，加载后判定一条）");
        line("");
        line("| 已加载次数 | 已用堆（Full GC 后） |");
        line("|---:|---:|");
        List<Long> heap = new ArrayList<>();
        for (int i = 1; i <= RELOADS; i++) {
            RuleBase base = new RuleBaseLoader().load(all);
            engine.install(base);
            engine.judge(finding);
            if (i % 20 == 0 || i == 1) {
                long used = usedAfterGc();
                heap.add(used);
                line(String.format("| %d | %.1f MB |", i, used / 1024.0 / 1024));
            }
        }
        line("");
        int modules = KieServices.Factory.get().getRepository().getKieModule(
                KieServices.Factory.get().newReleaseId("cn.yjzf.rules", "gongmao-2023", "build-1")) == null ? 0 : 1;
        line("KIE 仓库中残留的旧规则模块：" + modules + " 个（每次编译后即移除）。");
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "reload.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        // Not a timing: a leak of one rule base per reload would add hundreds of MB over 200 reloads.
        assertThat(heap.get(heap.size() - 1)).isLessThan(heap.get(1) + 64L * 1024 * 1024);
        assertThat(modules).isZero();
    }

    private void compileTime(String label, RuleFiles files) {
        RuleBase base = new RuleBaseLoader().load(files);
        int rules = base.ruleSets().stream().mapToInt(s -> s.rules().size()).sum();
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            new RuleBaseLoader().load(files);
        }
        line(String.format("| %s | %d | %.0f 毫秒 |", label, rules, (System.nanoTime() - t0) / 10 / 1e6));
    }

    private static RuleFiles subset(RuleFiles all, String dir) {
        SortedMap<String, String> files = new TreeMap<>();
        all.files().forEach((k, v) -> {
            if (k.startsWith(dir) || k.startsWith("common/")) {
                files.put(k, v);
            }
        });
        return new RuleFiles(all.origin(), files);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return mem.getUsed();
    }

    private void line(String s) {
        report.append(s).append('\n');
    }
}

package cn.yjzf.batch;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleCompilationException;
import cn.yjzf.judgment.RuleFiles;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -jar yjzf.jar judge --in findings.jsonl --out results.jsonl [--rules DIR]}: judges a campaign's
 * findings, one JSON object per line (the shape of {@link BatchFinding}), on all cores, with a progress bar.
 * A malformed line is reported as "第N行：原因" and skipped; every other line gets a result line, in input order.
 * Exit code: 0 all judged, 1 some lines skipped, 2 bad arguments or rules.
 */
public final class JudgeCommand {

    private static final int CHUNK = 8192;
    /** Findings judged in one rule session (see RuleEngine.judgeAll). */
    private static final int SESSION = 100;
    private static final int REPORTED_PROBLEMS = 100;

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Line(int line, @JsonUnwrapped BatchResult result) {
    }

    private record Parsed(int line, BatchFinding finding, String problem) {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> opts = options(args);
        if (opts == null || !opts.containsKey("--in") || !opts.containsKey("--out")) {
            err.println("用法：java -jar yjzf.jar judge --in findings.jsonl --out results.jsonl [--rules rules]");
            return 2;
        }
        Path in = Path.of(opts.get("--in"));
        Path out2 = Path.of(opts.get("--out"));
        if (!Files.isReadable(in)) {
            err.println("无法读取输入文件：" + in);
            return 2;
        }
        RuleBase base;
        try {
            base = new RuleBaseLoader().load(RuleFiles.read(Path.of(opts.getOrDefault("--rules", "rules"))));
        } catch (RuleCompilationException e) {
            err.println(e.getMessage());
            return 2;
        }
        long total;
        try (Stream<String> lines = Files.lines(in, StandardCharsets.UTF_8)) {
            total = lines.count();
        }
        ProgressBar progress = new ProgressBar(err, total);
        Map<HazardGrade, Long> counts = new EnumMap<>(HazardGrade.class);
        int skipped = 0;
        int lineNo = 0;
        long started = System.nanoTime();
        ForkJoinPool workers = workers();
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(out2, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>(CHUNK);
            String text;
            while (true) {
                text = reader.readLine();
                if (text != null) {
                    chunk.add(text);
                }
                if (chunk.size() == CHUNK || (text == null && !chunk.isEmpty())) {
                    int first = lineNo + 1;
                    List<String> texts = List.copyOf(chunk);
                    // parsing includes the answer validation, which may judge: on all cores, in input order
                    List<Parsed> parsed = workers.submit(() -> java.util.stream.IntStream.range(0, texts.size()).parallel()
                            .mapToObj(i -> parse(base, first + i, texts.get(i))).toList()).get();
                    List<Parsed> valid = parsed.stream().filter(p -> p.problem() == null).toList();
                    // judged in sessions of SESSION findings each, the sessions on all cores, results in input order
                    List<Line> results = workers.submit(() -> java.util.stream.IntStream
                            .range(0, (valid.size() + SESSION - 1) / SESSION).parallel()
                            .mapToObj(k -> judged(base, valid.subList(k * SESSION, Math.min((k + 1) * SESSION, valid.size()))))
                            .flatMap(List::stream).collect(Collectors.toList())).get();
                    for (Parsed p : parsed) {
                        if (p.problem() != null) {
                            if (skipped++ < REPORTED_PROBLEMS) {
                                err.println((System.console() != null ? "\r" : "") + "第" + p.line() + "行：" + p.problem() + "（已跳过）");
                            }
                        }
                    }
                    for (Line r : results) {
                        writer.write(JSON.writeValueAsString(r));
                        writer.newLine();
                        counts.merge(r.result().grade(), 1L, Long::sum);
                    }
                    lineNo += chunk.size();
                    chunk.clear();
                    progress.update(lineNo);
                }
                if (text == null) {
                    break;
                }
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("批量判定中断", e);
        } finally {
            workers.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (skipped > REPORTED_PROBLEMS) {
            err.println("……另有 " + (skipped - REPORTED_PROBLEMS) + " 行格式错误未逐一列出");
        }
        long judged = counts.values().stream().mapToLong(Long::longValue).sum();
        out.printf("已判定 %,d 条（重大事故隐患 %,d，一般事故隐患 %,d，未匹配 %,d），跳过格式错误 %,d 行；用时 %.1f 秒，%,.0f 条/秒；结果：%s%n",
                judged, counts.getOrDefault(HazardGrade.MAJOR, 0L), counts.getOrDefault(HazardGrade.GENERAL, 0L),
                counts.getOrDefault(HazardGrade.UNMATCHED, 0L), skipped, seconds, judged / Math.max(seconds, 1e-9), out2);
        return skipped == 0 ? 0 : 1;
    }

    /**
     * Worker threads that see the application's class loader: the common pool's threads do not, and Drools' MVEL
     * constraints fail to load inside the executable jar without it.
     */
    private static ForkJoinPool workers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setContextClassLoader(loader);
            return t;
        }, null, false);
    }

    private static List<Line> judged(RuleBase base, List<Parsed> parsed) {
        List<BatchResult> results = BatchJudge.judgeAll(base, parsed.stream().map(Parsed::finding).toList());
        List<Line> lines = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            lines.add(new Line(parsed.get(i).line(), results.get(i)));
        }
        return lines;
    }

    private static Parsed parse(RuleBase base, int line, String text) {
        if (text.isBlank()) {
            return new Parsed(line, null, "空行");
        }
        try {
            BatchFinding f = JSON.readValue(text, BatchFinding.class);
            List<FieldProblem> problems = BatchJudge.problems(base, f, "");
            if (!problems.isEmpty()) {
                return new Parsed(line, null, problems.stream().map(p -> p.field() + " " + p.message())
                        .collect(Collectors.joining("；")));
            }
            return new Parsed(line, f, null);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "格式错误" : e.getMessage().lines().findFirst().orElse("格式错误");
            return new Parsed(line, null, "不是有效的 JSON 检查发现（" + msg + "）");
        }
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                return null;
            }
            if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                opts.put(a, args.get(++i));
            } else {
                opts.put(a, "true");
            }
        }
        return opts;
    }
}

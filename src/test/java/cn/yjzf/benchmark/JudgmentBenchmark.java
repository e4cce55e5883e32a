package cn.yjzf.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.YjzfApplication;
import cn.yjzf.batch.BatchFinding;
import cn.yjzf.batch.BatchJudge;
import cn.yjzf.batch.BatchResult;
import cn.yjzf.batch.JudgeCommand;
import cn.yjzf.flow.EmbeddedPostgresHolder;
import cn.yjzf.judgment.ChecklistGroup;
import cn.yjzf.judgment.ChecklistQuestion;
import cn.yjzf.judgment.CompiledRuleSet;
import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./mvnw -Pbenchmark test}: a synthetic city campaign of 30,000 inspections × 10 findings.
 * Measures rule evaluation alone (Drools on 1 and 2 threads, and a hand-written Java evaluator of the same criteria
 * in the same run), end to end (JSON parse → judge → JDBC batch persist) on H2 and PostgreSQL, and single-finding
 * HTTP latency. Writes target/benchmark/results.md. Not part of the normal test run; it asserts only that Drools and
 * the Java evaluator agree, never a time.
 */
class JudgmentBenchmark {

    static final int INSPECTIONS = Integer.getInteger("bench.inspections", 30_000);
    static final int PER_INSPECTION = 10;
    /** {@code -Dbench.only=endToEnd} runs only the cross-check and the end-to-end (persistence) part. */
    static final boolean END_TO_END_ONLY = "endToEnd".equals(System.getProperty("bench.only"));
    static final Set<String> JAVA_GROUPS = Set.of("GM-02-01", "GM-03-01", "GM-03-02", "GM-03-03", "GM-06-01", "GM-06-02",
            "GM-06-03", "GM-06-04", "GM-06-05", "GM-06-06", "GM-06-07", "GM-06-08");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    record Synthetic(BatchFinding finding, Set<String> deficient) {
    }

    private final StringBuilder report = new StringBuilder();

    @Test
    void campaign() throws Exception {
        RuleBase base = new RuleBaseLoader().load(RuleFiles.fromDirectory(Path.of("rules")));
        List<Synthetic> findings = generate(base, INSPECTIONS * PER_INSPECTION);
        int n = findings.size();
        line("# 判定基准测试结果");
        line("");
        line("- 时间：" + Instant.now() + "；机器：" + Runtime.getRuntime().availableProcessors() + " 核，Java "
                + System.getProperty("java.version") + "；规则：" + base.ruleSets().stream()
                .map(s -> s.manifest().id() + " " + s.rules().size() + " 条").toList());
        line("- 数据：" + INSPECTIONS + " 次检查 × " + PER_INSPECTION + " 条发现 = " + n + " 条（检查项组："
                + JAVA_GROUPS.size() + " 组，与手写 Java 判定器相同的判定条件）");
        line("");

        List<FindingFacts> facts = findings.stream().map(s -> toFacts(s.finding())).toList();
        // warm-up, and cross-checks: every finding against the hand-written evaluator, and judged per inspection
        // (10 findings in one session) against judged alone
        long disagreements = 0;
        long batchDifferences = 0;
        for (int from = 0; from < n; from += PER_INSPECTION) {
            List<JudgmentResult> together = RuleEngine.judgeAll(base, facts.subList(from, from + PER_INSPECTION));
            for (int i = from; i < from + PER_INSPECTION; i++) {
                JudgmentResult r = RuleEngine.judge(base, facts.get(i));
                if (!r.equals(together.get(i - from))) {
                    batchDifferences++;
                }
                BatchFinding f = findings.get(i).finding();
                HandWrittenEvaluator.Result j = HandWrittenEvaluator.judge(f.industry(), Set.copyOf(f.flags()), f.answers(),
                        findings.get(i).deficient());
                JudgmentResult e = HandWrittenEvaluator.enveloped(base, facts.get(i));
                if (r.grade() != j.grade() || !Set.copyOf(r.firedRules()).equals(Set.copyOf(j.fired()))
                        || e.grade() != r.grade() || !Set.copyOf(e.firedRules()).equals(Set.copyOf(r.firedRules()))) {
                    disagreements++;
                }
            }
        }
        assertThat(disagreements).as("Drools 与手写 Java 判定结果不一致的条数").isZero();
        assertThat(batchDifferences).as("按检查（10 条一个会话）与逐条判定结果不一致的条数").isZero();
        line("- 核对：" + n + " 条发现按检查（每 10 条一个会话）判定的结果与逐条判定逐字段相同（等级、引用、触发规则及顺序、"
                + "规则集、日期、理由），与手写 Java 判定器的等级和触发规则相同。");
        line("");

        if (!END_TO_END_ONLY) {
            rulesOnly(base, findings, facts, n);
        }

        List<String> lines = new ArrayList<>(n);
        for (Synthetic s : findings) {
            lines.add(JSON.writeValueAsString(s.finding()));
        }
        line("## 端到端：解析 JSON → 按检查判定 → 持久化（JDBC 批量写入 inspection / finding / finding_answer / hazard）");
        line("");
        line("每次提交的条数：2000（批量导入）或 10（一次检查一个事务，与网页/接口逐次提交相当）。提交都是持久的："
                + "H2 文件库 WRITE_DELAY=0（本系统配置，每次提交写入文件后才返回），PostgreSQL synchronous_commit=on。"
                + "一个工作线程解析并判定下一批（按检查，每 10 条一个会话），同时本线程写入上一批。");
        line("");
        line("| 数据库 | 每次提交 | 条/秒 | 用时 |");
        line("|---|---:|---:|---:|");
        String h2Options = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        // untimed warm-up so the first measured configuration does not pay for JIT compilation
        int reportLength = report.length();
        endToEnd("warm-up", "jdbc:h2:mem:warmup" + System.nanoTime() + h2Options + ";DB_CLOSE_DELAY=-1", "sa", "", base,
                lines.subList(0, Math.min(lines.size(), 100_000)), PER_INSPECTION * 200);
        report.setLength(reportLength);
        for (int perCommit : new int[] {PER_INSPECTION * 200, PER_INSPECTION}) {
            Path h2 = Files.createDirectories(Path.of("target", "benchmark")).resolve("h2-" + System.nanoTime());
            endToEnd("H2（文件，WRITE_DELAY=0）", "jdbc:h2:file:" + h2.toAbsolutePath() + h2Options + ";WRITE_DELAY=0",
                    "sa", "", base, lines, perCommit);
            endToEnd("PostgreSQL 17（嵌入式，synchronous_commit=on）",
                    EmbeddedPostgresHolder.jdbcUrl("bench" + System.nanoTime() % 100000) + "&reWriteBatchedInserts=true",
                    "postgres", "", base, lines, perCommit);
        }
        line("");
        judgeCommand(lines);

        if (!END_TO_END_ONLY) {
            // only findings the API accepts (the generator also answers groups that do not apply to the enterprise)
            httpLatency(findings.stream().filter(f -> BatchJudge.problems(base, f.finding(), "").isEmpty()).toList());
        }
        Path out = Path.of("target", "benchmark", "results.md");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("结果已写入 " + out.toAbsolutePath());
    }

    /**
     * Rule evaluation only, each way timed over all findings (the hand-written ones repeated to run as long), in
     * {@value #ROUNDS} interleaved rounds after the warm-up; the median round is reported, so a slow moment of the
     * shared machine hits every way alike.
     */
    private void rulesOnly(RuleBase base, List<Synthetic> findings, List<FindingFacts> facts, int n) {
        List<Set<String>> flags = findings.stream().map(s -> Set.copyOf(s.finding().flags())).toList();
        Map<String, Runnable> ways = new LinkedHashMap<>();
        ways.put("手写 Java，仅判定条件", () -> {
            for (int i = 0; i < n; i++) {
                BatchFinding f = findings.get(i).finding();
                HandWrittenEvaluator.judge(f.industry(), flags.get(i), f.answers(), findings.get(i).deficient());
            }
        });
        ways.put("手写 Java，相同外围（选规则集、构建答案、结果含引用）", () -> facts.forEach(f -> HandWrittenEvaluator.enveloped(base, f)));
        ways.put("Drools，逐条（每条一个会话）", () -> facts.forEach(f -> RuleEngine.judge(base, f)));
        ways.put("Drools，按检查（每 10 条一个会话）", () -> {
            for (int from = 0; from < n; from += PER_INSPECTION) {
                RuleEngine.judgeAll(base, facts.subList(from, from + PER_INSPECTION));
            }
        });
        ways.put("Drools，每 100 条一个会话", () -> RuleEngine.judgeAll(base, facts));
        Map<String, Integer> repeats = new LinkedHashMap<>();
        ways.forEach((label, work) -> {
            long t0 = System.nanoTime();
            work.run(); // warm-up, and how many repetitions make a round of at least one second
            repeats.put(label, (int) Math.max(1, Math.ceil(1e9 / Math.max(1, System.nanoTime() - t0))));
        });
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            ways.forEach((label, work) -> {
                int times = repeats.get(label);
                long t0 = System.nanoTime();
                for (int k = 0; k < times; k++) {
                    work.run();
                }
                rates.computeIfAbsent(label, x -> new ArrayList<>()).add((double) n * times / ((System.nanoTime() - t0) / 1e9));
            });
        }
        line("## 仅规则判定（不含解析与持久化），单线程");
        line("");
        line("每种方式 " + ROUNDS + " 轮交替测量（每轮至少 1 秒），取中位数；比值 = 手写 Java 的速度 ÷ 该方式的速度。");
        line("");
        line("| 方式 | 条/秒（中位数） | 最慢轮 | 最快轮 | × 仅条件 | × 相同外围 |");
        line("|---|---:|---:|---:|---:|---:|");
        double bare = median(rates.get("手写 Java，仅判定条件"));
        double envelope = median(rates.get("手写 Java，相同外围（选规则集、构建答案、结果含引用）"));
        rates.forEach((label, r) -> {
            double m = median(r);
            line(String.format("| %s | %,.0f | %,.0f | %,.0f | %.1f | %.1f |", label, m, r.stream().mapToDouble(d -> d).min().orElse(0),
                    r.stream().mapToDouble(d -> d).max().orElse(0), bare / m, envelope / m));
        });
        line("");
    }

    static final int ROUNDS = 5;

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private void line(String s) {
        report.append(s).append('\n');
        try { // written as it goes: a failure late in a long run keeps the figures measured so far
            Files.createDirectories(Path.of("target", "benchmark"));
            Files.writeString(Path.of("target", "benchmark", "results.md"), report, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The {@code judge} command on all the findings as a JSON Lines file (parse, validate, judge, write), in process. */
    private void judgeCommand(List<String> lines) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "benchmark"));
        Path in = dir.resolve("findings.jsonl");
        Path out = dir.resolve("results.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        JudgeCommand.run(List.of("--in", in.toString(), "--out", out.toString()), quiet, quiet); // warm-up
        long t0 = System.nanoTime();
        int code = JudgeCommand.run(List.of("--in", in.toString(), "--out", out.toString()),
                new java.io.PrintStream(stdout, true, StandardCharsets.UTF_8), quiet);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(code).as("0 全部判定；1 有行被校验拒收（生成的数据含不适用于企业的检查项组）").isIn(0, 1);
        line("## 命令行 `judge`（进程内，含规则编译、逐行解析与答案校验、按会话判定、写出结果）");
        line("");
        line(String.format("%,d 行，%.1f 秒，%,.0f 条/秒（第二次运行）。命令自己的报告：%s", lines.size(), seconds,
                lines.size() / seconds, stdout.toString(StandardCharsets.UTF_8).strip()));
        line("");
    }

    static FindingFacts toFacts(BatchFinding f) {
        return new FindingFacts(new EnterpriseFacts(f.industry(), Set.copyOf(f.flags()), f.majorHazardSourceLevel()),
                "工贸", f.inspectionDate(), f.answers());
    }

    /** Findings that answer one checklist group each, ~15% of answers non-compliant, some outside their industry. */
    static List<Synthetic> generate(RuleBase base, int count) {
        CompiledRuleSet gongmao = base.ruleSets().stream().filter(s -> s.manifest().id().equals("gongmao-2023"))
                .findFirst().orElseThrow();
        List<ChecklistGroup> groups = gongmao.checklist().groups().stream()
                .filter(g -> JAVA_GROUPS.contains(g.code())).toList();
        Random random = new Random(20251123L);
        List<String> others = List.of("机械", "冶金", "商贸", "轻工");
        List<Synthetic> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ChecklistGroup g = groups.get(random.nextInt(groups.size()));
            boolean building = g.industries() != null && g.industries().contains("建材");
            String industry = building && random.nextInt(10) > 0 ? "建材" : others.get(random.nextInt(others.size()));
            List<String> flags = "冶金".equals(industry) && random.nextBoolean() ? List.of("金属冶炼") : List.of();
            Map<String, String> answers = new LinkedHashMap<>();
            Set<String> deficient = new java.util.HashSet<>();
            for (ChecklistQuestion q : g.questions()) {
                List<String> values = q.allowedValues();
                String compliantValue = values.stream().filter(v -> !q.isDeficient(v)).findFirst().orElse(values.get(0));
                String v = random.nextInt(100) < 15 || q.compliant() == null && q.type() != ChecklistQuestion.QuestionType.DEVICE
                        ? values.get(random.nextInt(values.size())) : compliantValue;
                if (q.type() == ChecklistQuestion.QuestionType.YES_NO && q.compliant() != null && random.nextInt(100) < 15) {
                    v = q.compliant().equals("是") ? "否" : "是";
                }
                answers.put(q.code(), v);
                if (q.isDeficient(v)) {
                    deficient.add(q.code());
                }
            }
            LocalDate date = LocalDate.of(2025, 1 + random.nextInt(9), 1 + random.nextInt(28));
            out.add(new Synthetic(new BatchFinding("F" + i, industry, flags, null, date, answers), deficient));
        }
        return out;
    }

    private void endToEnd(String label, String url, String user, String password, RuleBase base, List<String> lines,
                          int perCommit) throws Exception {
        Flyway.configure().dataSource(url, user, password).load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO agency (id, name, short_name) VALUES (1, '基准测试局', '基准')");
                s.execute("INSERT INTO app_user (id, username, password_hash, full_name, agency_id) VALUES (1, 'bench', 'x', '基准', 1)");
                s.execute("INSERT INTO enterprise (id, credit_code, name, industry, agency_id, address, legal_representative, created_at) "
                        + "VALUES (1, '91330100MA2J00001A', '基准企业', 'BUILDING_MATERIALS', 1, '地址', '法人', CURRENT_TIMESTAMP)");
            }
            c.commit();
            if (url.startsWith("jdbc:postgresql:")) {
                try (var s = c.createStatement()) {
                    s.execute("SET synchronous_commit = on"); // as the postgres profile sets it on every connection
                }
            }
            long t0 = System.nanoTime();
            long findingId = 0;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (PreparedStatement insp = c.prepareStatement("INSERT INTO inspection (id, enterprise_id, agency_id, inspection_date, place, status, created_by, created_at) VALUES (?, 1, 1, ?, '车间', 'OPEN', 1, ?)");
                 PreparedStatement find = c.prepareStatement("INSERT INTO finding (id, inspection_id, checklist_group, description, created_by, created_at) VALUES (?, ?, NULL, ?, 1, ?)");
                 PreparedStatement ans = c.prepareStatement("INSERT INTO finding_answer (finding_id, question_code, answer) VALUES (?, ?, ?)");
                 PreparedStatement haz = c.prepareStatement("INSERT INTO hazard (id, finding_id, engine_grade, grade, citations, fired_rules, rule_sets, as_of, engine_reason, judged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                // parse and judge the next commit's findings on a worker while this thread writes the previous ones
                Future<List<Object[]>> next = pool.submit(() -> parseAndJudge(base, lines.subList(0, Math.min(perCommit, lines.size()))));
                for (int from = 0; from < lines.size(); from += perCommit) {
                    List<Object[]> judged = next.get();
                    int following = from + perCommit;
                    if (following < lines.size()) {
                        List<String> slice = lines.subList(following, Math.min(following + perCommit, lines.size()));
                        next = pool.submit(() -> parseAndJudge(base, slice));
                    }
                    Timestamp now = Timestamp.from(Instant.now());
                    for (int k = 0; k < judged.size(); k++) {
                        BatchFinding f = (BatchFinding) judged.get(k)[0];
                        BatchResult r = (BatchResult) judged.get(k)[1];
                        long inspectionId = (from + k) / PER_INSPECTION + 1;
                        if ((from + k) % PER_INSPECTION == 0) {
                            insp.setLong(1, inspectionId);
                            insp.setObject(2, f.inspectionDate());
                            insp.setTimestamp(3, now);
                            insp.addBatch();
                        }
                        long id = ++findingId;
                        find.setLong(1, id);
                        find.setLong(2, inspectionId);
                        find.setString(3, "基准测试发现 " + f.id());
                        find.setTimestamp(4, now);
                        find.addBatch();
                        for (Map.Entry<String, String> e : f.answers().entrySet()) {
                            ans.setLong(1, id);
                            ans.setString(2, e.getKey());
                            ans.setString(3, e.getValue());
                            ans.addBatch();
                        }
                        haz.setLong(1, id);
                        haz.setLong(2, id);
                        haz.setString(3, r.grade().name());
                        haz.setString(4, r.grade().name());
                        haz.setString(5, JSON.writeValueAsString(r.citations()));
                        haz.setString(6, String.join(",", r.firedRules()));
                        haz.setString(7, String.join(";", r.ruleSets()));
                        haz.setObject(8, r.asOf());
                        haz.setString(9, r.reason());
                        haz.setTimestamp(10, now);
                        haz.addBatch();
                    }
                    insp.executeBatch();
                    find.executeBatch();
                    ans.executeBatch();
                    haz.executeBatch();
                    c.commit();
                }
            } finally {
                pool.shutdown();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM hazard")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(lines.size());
            }
            line(String.format("| %s | %d | %,.0f | %.1f 秒 |", label, perCommit, lines.size() / seconds, seconds));
        }
    }

    /** Parses, then judges inspection by inspection (10 findings in one session). */
    private static List<Object[]> parseAndJudge(RuleBase base, List<String> lines) throws Exception {
        List<BatchFinding> parsed = new ArrayList<>(lines.size());
        for (String l : lines) {
            parsed.add(JSON.readValue(l, BatchFinding.class));
        }
        List<Object[]> out = new ArrayList<>(lines.size());
        for (int from = 0; from < parsed.size(); from += PER_INSPECTION) {
            List<BatchFinding> inspection = parsed.subList(from, Math.min(from + PER_INSPECTION, parsed.size()));
            List<BatchResult> results = BatchJudge.judgeAll(base, inspection);
            for (int k = 0; k < inspection.size(); k++) {
                out.add(new Object[] {inspection.get(k), results.get(k)});
            }
        }
        return out;
    }

    private void httpLatency(List<Synthetic> findings) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YjzfApplication.class).run(
                "--server.port=0", "--app.demo-data=true", "--logging.level.root=WARN",
                "--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString("officer:demo1234".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> issued = client.send(HttpRequest.newBuilder(URI.create(base + "/api/token"))
                    .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            String bearer = "Bearer " + JSON.readTree(issued.body()).get("accessToken").asText();
            latency(client, base, bearer, findings, "访问令牌（Authorization: Bearer，POST /api/token 签发）", 1000, 5000);
            latency(client, base, basic, findings, "HTTP Basic（每次请求校验 BCrypt 口令散列）", 50, 500);
        }
    }

    private void latency(HttpClient client, String base, String auth, List<Synthetic> findings, String label,
                         int warmup, int measured) throws Exception {
        long[] nanos = new long[measured];
        for (int i = 0; i < warmup + measured; i++) {
            String body = "{\"findings\":[" + JSON.writeValueAsString(findings.get(i % findings.size()).finding()) + "]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/judgments"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long dt = System.nanoTime() - t0;
            assertThat(response.statusCode()).isEqualTo(200);
            if (i >= warmup) {
                nanos[i - warmup] = dt;
            }
        }
        Arrays.sort(nanos);
        line("## 单条发现经 HTTP 判定的延迟：" + label);
        line("");
        line("POST /api/judgments，每次 1 条，本机回环，顺序 " + measured + " 次，预热 " + warmup + " 次。");
        line("");
        line(String.format("p50 %.2f 毫秒，p90 %.2f 毫秒，p99 %.2f 毫秒，最大 %.2f 毫秒", nanos[measured / 2] / 1e6,
                nanos[measured * 9 / 10] / 1e6, nanos[measured * 99 / 100] / 1e6, nanos[measured - 1] / 1e6));
        line("");
    }
}

package cn.yjzf.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.YjzfApplication;
import cn.yjzf.batch.BatchFinding;
import cn.yjzf.batch.BatchJudge;
import cn.yjzf.batch.BatchResult;
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
        // warm-up, and cross-check every finding against the hand-written evaluator
        long disagreements = 0;
        for (int i = 0; i < n; i++) {
            JudgmentResult r = RuleEngine.judge(base, facts.get(i));
            BatchFinding f = findings.get(i).finding();
            HandWrittenEvaluator.Result j = HandWrittenEvaluator.judge(f.industry(), Set.copyOf(f.flags()), f.answers(),
                    findings.get(i).deficient());
            if (r.grade() != j.grade() || !Set.copyOf(r.firedRules()).equals(Set.copyOf(j.fired()))) {
                disagreements++;
            }
        }
        assertThat(disagreements).as("Drools 与手写 Java 判定结果不一致的条数").isZero();

        if (!END_TO_END_ONLY) {
            rulesOnly(base, findings, facts, n);
        }

        List<String> lines = new ArrayList<>(n);
        for (Synthetic s : findings) {
            lines.add(JSON.writeValueAsString(s.finding()));
        }
        line("## 端到端：解析 JSON → 判定 → 持久化（JDBC 批量写入 inspection / finding / finding_answer / hazard）");
        line("");
        line("每次提交的条数：2000（批量导入）或 10（一次检查一个事务，与网页/接口逐次提交相当）。"
                + "H2 的 WRITE_DELAY=0 是本系统的配置（每次提交写入文件后才返回），500 是 H2 默认值（此前的配置，kill -9 会丢失已确认的提交）。");
        line("");
        line("| 数据库 | 每次提交 | 条/秒 | 用时 |");
        line("|---|---:|---:|---:|");
        String h2Options = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        // untimed warm-up so the first measured configuration does not pay for JIT compilation
        int reportLength = report.length();
        endToEnd("warm-up", "jdbc:h2:mem:warmup" + System.nanoTime() + h2Options + ";DB_CLOSE_DELAY=-1", "sa", "", base, lines, PER_INSPECTION * 200);
        report.setLength(reportLength);
        for (int perCommit : new int[] {PER_INSPECTION * 200, PER_INSPECTION}) {
            for (String delay : new String[] {"500", "0"}) {
                Path h2 = Files.createDirectories(Path.of("target", "benchmark")).resolve("h2-" + System.nanoTime());
                endToEnd("H2（文件，WRITE_DELAY=" + delay + "）", "jdbc:h2:file:" + h2.toAbsolutePath() + h2Options
                        + ";WRITE_DELAY=" + delay, "sa", "", base, lines, perCommit);
            }
            endToEnd("PostgreSQL 17（嵌入式，synchronous_commit=on）",
                    EmbeddedPostgresHolder.jdbcUrl("bench" + System.nanoTime() % 100000), "postgres", "", base, lines,
                    perCommit);
        }
        line("");

        if (!END_TO_END_ONLY) {
            httpLatency(findings);
        }
        Path out = Path.of("target", "benchmark", "results.md");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("结果已写入 " + out.toAbsolutePath());
    }

    private void rulesOnly(RuleBase base, List<Synthetic> findings, List<FindingFacts> facts, int n) {
        line("## 仅规则判定（不含解析与持久化）");
        line("");
        line("| 方式 | 条/秒 | 用时 |");
        line("|---|---:|---:|");
        double drools1 = measure("Drools，单线程", n, () -> facts.forEach(f -> RuleEngine.judge(base, f)));
        double drools2 = measure("Drools，2 线程", n, () -> parallel(facts, f -> RuleEngine.judge(base, f)));
        double java1 = measure("手写 Java，单线程", n, () -> findings.forEach(s -> HandWrittenEvaluator.judge(
                s.finding().industry(), Set.copyOf(s.finding().flags()), s.finding().answers(), s.deficient())));
        line("");
        line(String.format("同一次运行中，手写 Java 判定器（单线程）是 Drools（单线程）的 %.1f 倍；Drools 2 线程是单线程的 %.2f 倍。",
                java1 / drools1, drools2 / drools1));
        line("");
    }

    private void line(String s) {
        report.append(s).append('\n');
    }

    private double measure(String label, int n, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = n / seconds;
        line(String.format("| %s | %,.0f | %.2f 秒 |", label, rate, seconds));
        return rate;
    }

    private static <T> void parallel(List<T> items, java.util.function.Consumer<T> work) {
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            int size = (items.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<T> slice = items.subList(Math.min(t * size, items.size()), Math.min((t + 1) * size, items.size()));
                fs.add(pool.submit(() -> slice.forEach(work)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
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
            int chunk = perCommit;
            long findingId = 0;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (PreparedStatement insp = c.prepareStatement("INSERT INTO inspection (id, enterprise_id, agency_id, inspection_date, place, status, created_by, created_at) VALUES (?, 1, 1, ?, '车间', 'OPEN', 1, ?)");
                 PreparedStatement find = c.prepareStatement("INSERT INTO finding (id, inspection_id, checklist_group, description, created_by, created_at) VALUES (?, ?, NULL, ?, 1, ?)");
                 PreparedStatement ans = c.prepareStatement("INSERT INTO finding_answer (finding_id, question_code, answer) VALUES (?, ?, ?)");
                 PreparedStatement haz = c.prepareStatement("INSERT INTO hazard (id, finding_id, engine_grade, grade, citations, fired_rules, rule_sets, as_of, engine_reason, judged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int from = 0; from < lines.size(); from += chunk) {
                    List<String> slice = lines.subList(from, Math.min(from + chunk, lines.size()));
                    // parse and judge on both cores, persist on this thread
                    int half = slice.size() / 2;
                    Future<List<Object[]>> a = pool.submit(() -> parseAndJudge(base, slice.subList(0, half)));
                    Future<List<Object[]>> b = pool.submit(() -> parseAndJudge(base, slice.subList(half, slice.size())));
                    List<Object[]> judged = new ArrayList<>(a.get());
                    judged.addAll(b.get());
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

    private static List<Object[]> parseAndJudge(RuleBase base, List<String> lines) throws Exception {
        List<Object[]> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            BatchFinding f = JSON.readValue(l, BatchFinding.class);
            out.add(new Object[] {f, BatchJudge.judge(base, f)});
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
            String body = "{\"findings\":[" + JSON.writeValueAsString(findings.get(i).finding()) + "]}";
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

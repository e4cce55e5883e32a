package cn.yjzf.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.RuleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw -Pbenchmark test -Dtest=PenaltyProposalBenchmark}: proposals per second for one batch of 10,000
 * violations (the API's maximum per request). Each violation is computed twice (violation date and decision date,
 * 从旧兼从轻), against the default 基准 and a fixture table. Writes target/benchmark/penalty.md; asserts no time.
 */
class PenaltyProposalBenchmark {

    static final int VIOLATIONS = Integer.getInteger("bench.violations", 10_000);

    @Test
    void proposalsPerSecond() throws Exception {
        PenaltyRules rules = new PenaltyRules(new PenaltyRuleLoader().load(RuleFiles.fromDirectory(Path.of("rules"))));
        ProposalCalculator calculator = new ProposalCalculator(rules);
        List<ProposalCalculator.PublishedTable> tables = List.of(ProposalCalculatorTest.shanxi99(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31)));
        List<Violation> catalogue = rules.current().set().violations().stream()
                .filter(v -> v.frame() != null && !v.accident() && !v.code().startsWith("AQF-110")).toList();
        Random random = new Random(42);
        List<ProposalRequest.ViolationRequest> batch = new ArrayList<>();
        for (int i = 0; i < VIOLATIONS; i++) {
            Violation v = catalogue.get(random.nextInt(catalogue.size()));
            String stage = v.stages().get(random.nextInt(v.stages().size()));
            FrameInput.CircumstanceSpec c = random.nextInt(10) == 0
                    ? new FrameInput.CircumstanceSpec(false, false, false, false, false, false, false, true, false, false, false) : null;
            batch.add(new ProposalRequest.ViolationRequest(v.code(), stage, i % 7 == 0 ? "act-" + (i / 7) : null, null,
                    (long) (1 + random.nextInt(6)), 300000L, v.illegalIncome() ? (long) random.nextInt(300000) : null,
                    false, false, false, false, false, null, c, null));
        }
        ProposalRequest request = new ProposalRequest(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 3, 1), batch);
        for (int i = 0; i < 3; i++) {
            calculator.calculate(request, tables, List.of()); // warm-up
        }
        int runs = 5;
        long best = Long.MAX_VALUE;
        ProposalResult last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = calculator.calculate(request, tables, List.of());
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertThat(last.violations()).hasSize(VIOLATIONS);
        double seconds = best / 1e9;
        String md = "# 处罚建议基准测试\n\n"
                + "| 测量 | 结果 |\n|---|---:|\n"
                + "| 一批 " + VIOLATIONS + " 项违法行为（每项按行为日和决定日各计算一次）最快一次用时 | " + String.format("%.2f", seconds) + " 秒 |\n"
                + "| 违法行为建议数/秒 | " + String.format("%,.0f", VIOLATIONS / seconds) + " |\n"
                + "| 规则求值次数/秒（每项两次） | " + String.format("%,.0f", 2 * VIOLATIONS / seconds) + " |\n";
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/penalty.md"), md);
        System.out.println(md);
    }
}

package cn.yjzf.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeCommandTest {

    @TempDir
    Path dir;

    @Test
    void judgesEveryGoodLineInOrderAndReportsMalformedLinesByNumber() throws Exception {
        Path in = dir.resolve("findings.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"a\",\"industry\":\"建材\",\"inspectionDate\":\"2025-06-01\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"}}",
                "{\"id\":\"b\",\"industry\":建材}",
                "{\"id\":\"c\",\"industry\":\"机械\",\"inspectionDate\":\"2025-06-01\",\"answers\":{}}",
                "{\"id\":\"d\",\"industry\":\"火星\",\"inspectionDate\":\"2025-06-01\"}",
                "{\"id\":\"e\",\"industry\":\"冶金\",\"flags\":[\"金属冶炼\"],\"inspectionDate\":\"2025-06-01\",\"answers\":{\"GM-03-03-HEAD\":\"否\",\"GM-03-03-MANAGER\":\"是\"}}"
        ) + "\n");
        Path out = dir.resolve("results.jsonl");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int exit = judge(in, out, stdout, stderr);

        assertThat(exit).isEqualTo(1);
        String errors = stderr.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("第2行：", "第4行：", "100%");
        assertThat(errors).doesNotContain("第1行", "第3行", "第5行");
        List<String> results = Files.readAllLines(out);
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).contains("\"line\":1", "\"id\":\"a\"", "\"grade\":\"MAJOR\"", "GM2023-06-06", "gongmao-2023@1.0.0#sha256:");
        assertThat(results.get(1)).contains("\"line\":3", "\"grade\":\"UNMATCHED\"");
        assertThat(results.get(2)).contains("\"line\":5", "\"grade\":\"MAJOR\"", "第三条");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("已判定 3 条", "跳过格式错误 2 行");
    }

    @Test
    void halfAnsweredOutOfScopeAndUnknownFindingsGetANumberedErrorLineNeverAGrade() throws Exception {
        Path in = dir.resolve("findings.jsonl");
        Files.writeString(in, String.join("\n",
                // 第十一条（十）: only the visible half (积尘严重) recorded
                "{\"id\":\"half\",\"industry\":\"机械\",\"flags\":[\"粉尘涉爆\"],\"inspectionDate\":\"2025-06-01\",\"answers\":{\"GM-11-10-ACCUMULATION\":\"是\"}}",
                // 第十一条 without the 粉尘涉爆 flag
                "{\"id\":\"scope\",\"industry\":\"机械\",\"inspectionDate\":\"2025-06-01\",\"answers\":{\"GM-11-03-PROTECTION\":\"未设置\"}}",
                "{\"id\":\"unknown\",\"industry\":\"建材\",\"inspectionDate\":\"2025-06-01\",\"answers\":{\"GM-99-99-X\":\"否\"}}",
                // 第四条（三）: a plant with continuous casting only answers 不适用 for ingot casting
                "{\"id\":\"na\",\"industry\":\"冶金\",\"inspectionDate\":\"2025-06-01\",\"answers\":{\"GM-04-03-CCLADLE\":\"正常\",\"GM-04-03-LEAKPIT\":\"正常\",\"GM-04-03-OVERFLOW\":\"正常\",\"GM-04-03-CHUTE\":\"正常\",\"GM-04-03-INGOTLADLE\":\"不适用\"}}"
        ) + "\n");
        Path out = dir.resolve("results.jsonl");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int exit = judge(in, out, new ByteArrayOutputStream(), stderr);

        assertThat(exit).isEqualTo(1);
        String errors = stderr.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("第1行：answers[GM-11-10-CLEANING] ", "可能改变本项（第十一条第（十）项）的判定结果");
        assertThat(errors).contains("第2行：answers[GM-11-03-PROTECTION] ", "粉尘涉爆");
        assertThat(errors).contains("第3行：answers[GM-99-99-X] ");
        assertThat(errors).doesNotContain("第4行");
        List<String> results = Files.readAllLines(out);
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).contains("\"line\":4", "\"grade\":\"UNMATCHED\"", "\"firedRules\":[]");
    }

    @Test
    void missingArgumentsPrintUsage() throws Exception {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = JudgeCommand.run(List.of("--in"), System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("用法");
    }

    private static int judge(Path in, Path out, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr)
            throws Exception {
        return JudgeCommand.run(List.of("--in", in.toString(), "--out", out.toString()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }
}

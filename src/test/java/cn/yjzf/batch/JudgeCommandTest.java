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

        int exit = JudgeCommand.run(List.of("--in", in.toString(), "--out", out.toString()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));

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
    void missingArgumentsPrintUsage() throws Exception {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = JudgeCommand.run(List.of("--in"), System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("用法");
    }
}

package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

class RulesCommandTest {

    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RulesCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(expectedExit);
        return text;
    }

    @Test
    void validatePassesOnTheShippedRulesAndPrintsCoverage() throws Exception {
        assertThat(run(0, "validate", "rules")).contains("规则校验通过", "覆盖：gongmao-2023");
        assertThat(run(0, "validate", "rules", "--json")).contains("\"ok\" : true", "\"name\" : \"GM2023-06-01\"", "\"article\" : \"第六条\"");
        assertThat(run(0, "test", "rules")).contains("通过  ", "失败 0");
    }

    @Test
    void validateReportsFileAndLineAndFailsOnASyntaxError() throws Exception {
        copy();
        Path drl = dir.resolve("gongmao-2023/article-03.drl");
        Files.writeString(drl, Files.readString(drl).replace("Answer( code == \"GM-03-02-CERT\", value == \"否\" )",
                "Answer( code == \"GM-03-02-CERT\", value == )"));
        assertThat(run(1, "validate", dir.toString())).containsPattern("gongmao-2023/article-03\\.drl:\\d+: ");
    }

    @Test
    void validateFailsWhenARuleLosesItsCitationOrItsNearMiss() throws Exception {
        copy();
        Path drl = dir.resolve("gongmao-2023/article-06.drl");
        Files.writeString(drl, Files.readString(drl).replaceFirst("    @source\\([^)]*\\)\\n", ""));
        Path scenarios = dir.resolve("gongmao-2023/scenarios/article-06.yaml");
        Files.writeString(scenarios, Files.readString(scenarios)
                .replaceAll("notFired: \\[GM2023-06-07(, COMMON-GENERAL)?]", "notFired: []"));
        String out = run(1, "validate", dir.toString());
        assertThat(out).contains("article-06.drl:", "缺少引用元数据 @source", "「GM2023-06-07」没有不应触发的临界场景");
    }

    @Test
    void testReportsAFailingScenario() throws Exception {
        copy();
        Path scenarios = dir.resolve("gongmao-2023/scenarios/article-06.yaml");
        Files.writeString(scenarios, Files.readString(scenarios).replaceFirst("answers: \\{ GM-06-06-GAS: 未设置 }",
                "answers: { GM-06-06-GAS: 正常 }"));
        assertThat(run(1, "test", dir.toString())).contains("失败  ", "GM2023-06-06", "失败 1");
    }

    @Test
    void aScenarioFailsWhenARuleFiresThatItsFiredListDoesNotName() throws Exception {
        copy();
        Path scenarios = dir.resolve("gongmao-2023/scenarios/article-06.yaml");
        Files.writeString(scenarios, Files.readString(scenarios).replace("fired: [GM2023-06-07, GM2023-14]", "fired: [GM2023-06-07]"));
        assertThat(run(1, "test", dir.toString())).contains("失败  ", "规则「GM2023-14」触发了，但不在场景的 fired 中", "失败 1");
    }

    private void copy() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rules"), dir);
    }
}

package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** {@code rules catalogue}: the 隐患描述标准库 in Markdown, and the published {@code docs/checklist.md} kept current. */
class ChecklistCatalogueTest {

    private static final Path FIXTURE = Path.of("src/test/resources/validator-fixtures/good");
    private static final Path PUBLISHED = Path.of("docs/checklist.md");

    @TempDir
    Path tmp;

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RulesCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void docsChecklistMdIsWhatTheCommandPrintsForTheRulesDirectory() throws Exception {
        String expected = run("catalogue", "rules");
        if (!Files.exists(PUBLISHED)) {
            fail(PUBLISHED + " is missing: generate it with `" + ChecklistCatalogue.REGENERATE
                    + "` (build the jar first with ./mvnw -o package -DskipTests)");
        }
        String actual = Files.readString(PUBLISHED, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!actual.equals(expected)) {
            String[] a = actual.split("\n", -1);
            String[] e = expected.split("\n", -1);
            int line = 0;
            while (line < Math.min(a.length, e.length) && a[line].equals(e[line])) {
                line++;
            }
            fail(PUBLISHED + " is out of date with rules/ (the checklist or rule set changed). Regenerate it: `"
                    + ChecklistCatalogue.REGENERATE + "` (build the jar first with ./mvnw -o package -DskipTests),"
                    + " then commit it.\nFirst difference at line " + (line + 1) + ":\n  in " + PUBLISHED + ": "
                    + (line < a.length ? a[line] : "<end of file>") + "\n  generated:          "
                    + (line < e.length ? e[line] : "<end of file>"));
        }
    }

    @Test
    void listsEveryQuestionBySetArticleAndGroupInYamlOrder() throws Exception {
        String md = run("catalogue", FIXTURE.toString());
        assertThat(md).startsWith("# 隐患描述标准库（检查项目录）\n\n本文件由 `rules catalogue` 命令")
                .contains("未对应任何检查项的自由文本描述判定为「未匹配」，转人工定级")
                .contains("\n## 《演示判定标准》（演示令第1号）\n\n- 规则集：`demo`，版本 1.0.0\n- 适用领域：工贸\n"
                        + "- 施行期间：2020-01-01 起，至 2030-12-31 止（含当日）\n- 检查项：3 组，5 项\n")
                .contains("\n### 第一条　建材\n\n#### DM-01-01　第一条第（一）项　演示装置与人数\n\n- 适用行业：建材\n"
                        + "- 适用企业标记：无要求\n\n| 编码 | 检查项 | 类型 | 单位 | 选项 | 不符合的答案 | 可答「不适用」 |\n"
                        + "|---|---|---|---|---|---|---|\n"
                        + "| DM-01-01-ALARM | 演示报警装置 | 设施状态（正常/未设置/失效） | — | — | 「未设置」、「失效」 | — |\n"
                        + "| DM-01-01-WORKERS | 作业间内作业人员数量 | 数值（人） | 人 | — | 由规则按阈值判定：大于 9 人（DEMO-01-01） | — |\n")
                .contains("| DM-01-02-MEASURES | 是否落实演示安全措施？ | 是/否 | — | — | 「否」 | — |\n"
                        + "| DM-01-02-SCOPE | 是否涉及演示工艺？ | 是/否 | — | — | —（仅用于确定是否适用） | — |\n")
                .contains("\n### 第二条　粉尘涉爆、涉氨制冷\n\n#### DM-02-01　第二条　演示专项（加热方式）\n\n"
                        + "- 适用行业：不限（工贸领域各行业）\n- 适用企业标记：粉尘涉爆、涉氨制冷（须同时具备）\n")
                .contains("| DM-02-01-HEATING | 演示加热方式 | 选项 | — | 「明火直接加热」、「热水加热」、「未加热」 | 「明火直接加热」 | — |\n")
                .doesNotContain("\r");
        // checklist.yaml first, then checklist-*.yaml; within a file, the YAML order
        assertThat(md.indexOf("DM-01-01-ALARM")).isLessThan(md.indexOf("DM-01-01-WORKERS"));
        assertThat(md.indexOf("DM-01-01-WORKERS")).isLessThan(md.indexOf("#### DM-01-02"));
        assertThat(md.indexOf("DM-01-02-SCOPE")).isLessThan(md.indexOf("#### DM-02-01"));
        assertThat(run("catalogue", FIXTURE.toString())).isEqualTo(md);
    }

    @Test
    void showsGuidanceWithItsSourceNotApplicableAndThresholdsComparedWithAnotherAnswer() throws Exception {
        String md = run("catalogue", "rules");
        assertThat(md).doesNotContain("null")
                .contains("| GM-04-05-SETPOINT | 高炉生产期间炉顶工作压力设定值 | 数值（kPa） | kPa | — | "
                        + "由规则按阈值判定：大于 GM-04-05-DESIGNMAX 的答案（GM2023-04-05） | 是 |")
                .contains("由规则按阈值判定：小于 30 kPa（GM2023-04-08）")
                .contains("- GM-11-10-ACCUMULATION：“积尘严重”：")
                .contains("以本局执法口径为准。（本局解释）")
                .contains("- HG-05-LEVEL：按该罐区自身的重大危险源辨识分级作答")
                .contains("| GM-04-03-INGOTLADLE | 模铸流程的事故钢水罐（坑、槽） | 设施状态（正常/未设置/失效） | — | — | "
                        + "「未设置」、「失效」 | 是 |");
    }

    @Test
    void outputOptionWritesTheSameTextAsUtf8() throws Exception {
        Path file = tmp.resolve("out/checklist.md");
        assertThat(run("catalogue", FIXTURE.toString(), "--output", file.toString())).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(run("catalogue", FIXTURE.toString()));
    }

    @Test
    void aBrokenChecklistIsReportedWithItsFile() throws Exception {
        FileSystemUtils.copyRecursively(FIXTURE, tmp);
        Files.writeString(tmp.resolve("demo/checklist.yaml"), "groups:\n  - code: X\n    bogus: 1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RulesCommand.run(List.of("catalogue", tmp.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("demo/checklist\\.yaml:\\d+: YAML 格式错误");
    }
}

package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseLoaderTest {

    @TempDir
    Path dir;

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() throws IOException {
        copyRules();
        Path drl = dir.resolve("gongmao-2023/article-06.drl");
        String text = Files.readString(drl).replace("insert(HazardMatch.major(kcontext));\nend\n\n// （二）",
                "insert(HazardMatch.major(kcontext));\nend\n\nrule \"broken\" when Answer( code == ) then end\n// （二）");
        Files.writeString(drl, text);

        assertThatThrownBy(() -> new RuleBaseLoader().load(RuleFiles.fromDirectory(dir)))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("gongmao-2023/article-06.drl:")
                .satisfies(e -> assertThat(((RuleCompilationException) e).problems())
                        .allSatisfy(p -> assertThat(p.line()).isPositive()));
    }

    @Test
    void aBadManifestNamesTheFile() throws IOException {
        copyRules();
        Files.writeString(dir.resolve("gongmao-2023/ruleset.yaml"), "id: gongmao-2023\nversion: 1\nbogus: x\n");
        assertThatThrownBy(() -> new RuleBaseLoader().load(RuleFiles.fromDirectory(dir)))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("gongmao-2023/ruleset.yaml");
    }

    @Test
    void theHashChangesWithTheRulesButNotWithScenarios() throws IOException {
        copyRules();
        String before = new RuleBaseLoader().load(RuleFiles.fromDirectory(dir)).ruleSets().get(0).hash();
        Files.writeString(dir.resolve("gongmao-2023/scenarios/article-03.yaml"), "\n# comment\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(new RuleBaseLoader().load(RuleFiles.fromDirectory(dir)).ruleSets().get(0).hash()).isEqualTo(before);
        Files.writeString(dir.resolve("gongmao-2023/article-03.drl"), "\n// changed\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(new RuleBaseLoader().load(RuleFiles.fromDirectory(dir)).ruleSets().get(0).hash()).isNotEqualTo(before);
    }

    @Test
    void judgmentRecordsTheRuleSetAndTheFiredRules() {
        RuleBase base = new RuleBaseLoader().load(RuleFiles.fromDirectory(Path.of("rules")));
        JudgmentResult r = RuleEngine.judge(base, new FindingFacts(new EnterpriseFacts("建材", Set.of(), null), "工贸",
                LocalDate.of(2025, 3, 1), Map.of("GM-06-06-GAS", "未设置")));
        assertThat(r.grade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(r.firedRules()).containsExactly("GM2023-06-06");
        assertThat(r.ruleSets()).singleElement().satisfies(ref -> {
            assertThat(ref.id()).isEqualTo("gongmao-2023");
            assertThat(ref.hash()).hasSize(64);
        });
        assertThat(r.citations()).singleElement().satisfies(c ->
                assertThat(c.display()).isEqualTo("《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第六条第（六）项"));
    }

    private void copyRules() throws IOException {
        Path src = Path.of("rules");
        try (var paths = Files.walk(src)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void aRoutedFindingStaysUnmatchedWithTheRoutingReason() {
        RuleBase base = new RuleBaseLoader().load(RuleFiles.fromDirectory(Path.of("rules")));
        JudgmentResult r = RuleEngine.judge(base, new FindingFacts(new EnterpriseFacts("机械", Set.of(), null), "工贸",
                LocalDate.of(2025, 3, 1), Map.of("GM-02-01-DOMAIN", "燃气")));
        assertThat(r.grade()).isEqualTo(HazardGrade.UNMATCHED);
        assertThat(r.reason()).contains("第二条", "燃气", "适用其规定");
        assertThat(r.citations()).extracting(Citation::article).containsExactly("第二条");
    }
}

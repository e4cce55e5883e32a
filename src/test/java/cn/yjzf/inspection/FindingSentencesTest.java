package cn.yjzf.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.Checklist;
import cn.yjzf.judgment.ChecklistGroup;
import cn.yjzf.judgment.ChecklistQuestion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drafted descriptions read as an officer's sentence about the facts, for the real checklists in rules/. */
class FindingSentencesTest {

    private static final Map<String, ChecklistGroup> GROUPS = new HashMap<>();

    @BeforeAll
    static void readChecklists() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("checklist.*\\.yaml")).toList()) {
                yaml.readValue(f.toFile(), Checklist.class).groups().forEach(g -> GROUPS.put(g.code(), g));
            }
        }
        assertThat(GROUPS).containsKeys("GM-06-01", "GM-03-03", "GM-11-10", "GM-10-01", "HG-02", "HG-10");
    }

    private static String describe(String group, Map<String, String> answers) {
        return FindingSentences.describe(GROUPS.get(group), answers);
    }

    @Test
    void aFailedDeviceIsNamedWithItsState() {
        assertThat(describe("GM-06-01", Map.of("GM-06-01-TEMP", "正常", "GM-06-01-CO", "失效", "GM-06-01-EXTINGUISH", "正常")))
                .isEqualTo("煤磨袋式收尘器、煤粉仓的固定式一氧化碳浓度监测报警装置失效。");
    }

    @Test
    void aNoToAComplianceQuestionBecomesANegativeStatementAndCompliantAnswersAreLeftOut() {
        assertThat(describe("GM-03-03", Map.of("GM-03-03-HEAD", "否", "GM-03-03-MANAGER", "是")))
                .isEqualTo("主要负责人未按照规定经考核合格。");
        assertThat(describe("HG-02", Map.of("HG-02-CERT", "否"))).isEqualTo("上岗的特种作业人员并非均持证。");
        assertThat(FindingSentences.statement("特殊作业管理制度是否有效执行", false)).isEqualTo("特殊作业管理制度未有效执行");
        assertThat(FindingSentences.statement("是否为食品制造企业", true)).isEqualTo("系食品制造企业");
        assertThat(FindingSentences.statement("是否为食品制造企业", false)).isEqualTo("不是食品制造企业");
    }

    @Test
    void answersThatStateNoFactAreLeftOut() {
        assertThat(describe("GM-06-01", Map.of("GM-06-01-TEMP", "不适用", "GM-06-01-CO", "未设置", "GM-06-01-EXTINGUISH", "未检查")))
                .isEqualTo("煤磨袋式收尘器、煤粉仓的固定式一氧化碳浓度监测报警装置未设置。");
        assertThat(describe("GM-06-01", Map.of("GM-06-01-CO", "失效")))
                .isEqualTo("煤磨袋式收尘器、煤粉仓的固定式一氧化碳浓度监测报警装置失效。");
    }

    @Test
    void aYesToAProhibitedStateIsStatedAsAFact() {
        assertThat(describe("GM-11-10", Map.of("GM-11-10-CLEANING", "否", "GM-11-10-ACCUMULATION", "是")))
                .isEqualTo("未落实粉尘清理制度；作业现场积尘严重。");
    }

    @Test
    void conditionsFrameTheDeficiencyAndAnsweringNotesAreDropped() {
        ChecklistGroup design = GROUPS.get("HG-10");
        Map<String, String> answers = new HashMap<>();
        for (ChecklistQuestion q : design.questions()) {
            answers.put(q.code(), "否");
        }
        assertThat(FindingSentences.describe(design, answers)).isEqualTo("在役化工装置未经正规设计；未经正规设计的在役化工装置未进行安全设计诊断。");
        assertThat(describe("GM-10-01", Map.of("GM-10-01-PH3", "正常", "GM-10-01-MASK", "未设置")))
                .contains("熏蒸作业场所配备的防毒面具未设置").doesNotContain("记为");
    }

    /** Every group of both standards, answered as deficiently as it can be: never a question form or "：否". */
    @Test
    void noDraftOfAnyGroupReadsLikeAQuestionnaire() {
        List<String> drafts = new ArrayList<>();
        for (ChecklistGroup g : GROUPS.values()) {
            Map<String, String> answers = new HashMap<>();
            for (ChecklistQuestion q : g.questions()) {
                answers.put(q.code(), q.type() == ChecklistQuestion.QuestionType.NUMBER ? "12"
                        : q.allowedValues().stream().filter(q::isDeficient).findFirst().orElse(q.allowedValues().get(0)));
            }
            drafts.add(FindingSentences.describe(g, answers));
        }
        assertThat(drafts).hasSize(GROUPS.size()).allSatisfy(d -> assertThat(d)
                .doesNotContain("是否", "？", "：否", "：是").endsWith("。"));
    }
}

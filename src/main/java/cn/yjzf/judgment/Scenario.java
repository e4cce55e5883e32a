package cn.yjzf.judgment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rule scenario as a maintainer writes it in {@code scenarios/*.yaml}: an enterprise, an inspection date
 * (default: the rule set's effectiveFrom), checklist answers, and what must (not) happen.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Scenario(String name, Enterprise enterprise, LocalDate inspectionDate, Map<String, String> answers,
                       Expect expect) {

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Enterprise(String industry, String sector, List<String> flags, Integer majorHazardSourceLevel) {
    }

    /**
     * grade: 重大事故隐患 / 一般事故隐患 / 未匹配; fired: every rule that fires (exactly); citations like "第六条（一）";
     * ruleSet: expected rule-set id; rejected: the answers must be refused before judging, with these problem codes
     * (e.g. GROUP_NOT_APPLICABLE, REQUIRED) — an input the API answers with 400, never with a grade.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Expect(String grade, List<String> fired, List<String> notFired, List<String> citations,
                         String ruleSet, List<String> rejected) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record File(List<Scenario> scenarios) {
    }
}

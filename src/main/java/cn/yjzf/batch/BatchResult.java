package cn.yjzf.batch;

import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleSetRef;
import java.time.LocalDate;
import java.util.List;

/** The judgment of one batch finding, with everything needed to explain and reproduce it. */
public record BatchResult(String id, HazardGrade grade, String gradeLabel, List<Citation> citations,
                          List<String> firedRules, List<String> ruleSets, LocalDate asOf, String reason) {

    static BatchResult of(String id, JudgmentResult r) {
        return new BatchResult(id, r.grade(), r.grade().label(), r.citations(), r.firedRules(),
                r.ruleSets().stream().map(RuleSetRef::display).toList(), r.asOf(), r.reason());
    }
}

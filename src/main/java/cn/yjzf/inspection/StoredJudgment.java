package cn.yjzf.inspection;

import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.RuleSetRef;
import java.util.List;

/** A stored finding with the facts it was judged on and the engine's recorded judgment (for re-judging). */
public record StoredJudgment(Long findingId, Long inspectionId, String enterpriseName, String description,
                             FindingFacts facts, HazardGrade engineGrade, List<Citation> citations,
                             List<String> firedRules, List<RuleSetRef> ruleSets) {
}

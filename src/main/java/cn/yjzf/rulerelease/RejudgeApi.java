package cn.yjzf.rulerelease;

import cn.yjzf.security.ReadsCases;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.StoredJudgment;
import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleSetRef;
import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsCases
@Tag(name = "重新判定", description = "按判定时记录的规则版本复现一条检查发现的判定，并与在用版本对比；不修改任何数据")
class RejudgeApi {

    private final InspectionService inspections;
    private final RuleReleaseService releases;
    private final RuleEngine engine;

    RejudgeApi(InspectionService inspections, RuleReleaseService releases, RuleEngine engine) {
        this.inspections = inspections;
        this.releases = releases;
        this.engine = engine;
    }

    record Recorded(HazardGrade grade, List<Citation> citations, List<String> firedRules, List<RuleSetRef> ruleSets) {
    }

    /**
     * {@code withRecordedRules} is null when the recorded rule sets are in no stored release (judged before rule
     * versions were recorded in the database); {@code reproduced} says whether it equals the recorded judgment.
     */
    record Rejudgment(Long findingId, Recorded recorded, JudgmentResult withRecordedRules, Boolean reproduced,
                      JudgmentResult withLiveRules) {
    }

    @GetMapping("/api/findings/{id}/rejudgment")
    @Operation(summary = "按记录的规则版本重新判定一条检查发现，并给出在用版本的判定")
    Rejudgment rejudge(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        StoredJudgment s = inspections.storedJudgment(user.jurisdiction(), id);
        Recorded recorded = new Recorded(s.engineGrade(), s.citations(), s.firedRules(), s.ruleSets());
        JudgmentResult again = s.ruleSets().isEmpty() ? RuleEngine.judge(engine.ruleBase().restrictedTo(List.of()), s.facts())
                : releases.ruleSetsOf(s.ruleSets()).map(base -> RuleEngine.judge(base, s.facts())).orElse(null);
        Boolean reproduced = again == null ? null : !ImpactPreview.differs(s, again)
                && again.ruleSets().equals(s.ruleSets())
                // the same rules fired; their order among equal-salience rules is not part of the judgment
                && new java.util.HashSet<>(again.firedRules()).equals(new java.util.HashSet<>(s.firedRules()));
        return new Rejudgment(id, recorded, again, reproduced, engine.judge(s.facts()));
    }
}

package cn.yjzf.rulerelease;

import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.StoredJudgment;
import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.organisation.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Which past judgments of the reviewer's jurisdiction a candidate release would change: each stored finding is judged
 * again with the candidate (on its own inspection date) and compared with the recorded grade and citations.
 */
@Service
public class ImpactPreview {

    static final int MAX_FINDINGS = 5000;

    private final InspectionService inspections;

    ImpactPreview(InspectionService inspections) {
        this.inspections = inspections;
    }

    public record Changed(StoredJudgment stored, JudgmentResult candidate) {
        public boolean gradeChanged() {
            return stored.engineGrade() != candidate.grade();
        }
    }

    public record Impact(int examined, List<Changed> changed) {
    }

    public Impact of(Jurisdiction jurisdiction, RuleBase candidate) {
        List<StoredJudgment> stored = inspections.storedJudgments(jurisdiction, MAX_FINDINGS);
        List<Changed> changed = new ArrayList<>();
        for (StoredJudgment s : stored) {
            JudgmentResult r = RuleEngine.judge(candidate, s.facts());
            if (differs(s, r)) {
                changed.add(new Changed(s, r));
            }
        }
        return new Impact(stored.size(), changed);
    }

    static boolean differs(StoredJudgment s, JudgmentResult r) {
        HazardGrade g = r.grade();
        List<Citation> c = r.citations();
        return g != s.engineGrade() || !Objects.equals(List.copyOf(c), List.copyOf(s.citations()));
    }
}

package cn.yjzf.rulerelease;

import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.StoredJudgment;
import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.sandbox.RuleSandbox;
import cn.yjzf.judgment.sandbox.SandboxResult;
import cn.yjzf.organisation.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Which past judgments of the reviewer's jurisdiction a candidate release would change: each stored finding is judged
 * again with the candidate (on its own inspection date) and compared with the recorded grade and citations. A release
 * still under review is unapproved code: it is judged in the {@link RuleSandbox} child, never in this process.
 */
@Service
public class ImpactPreview {

    static final int MAX_FINDINGS = 5000;

    private final InspectionService inspections;
    private final RuleReleaseService releases;
    private final RuleSandbox sandbox;

    ImpactPreview(InspectionService inspections, RuleReleaseService releases, RuleSandbox sandbox) {
        this.inspections = inspections;
        this.releases = releases;
        this.sandbox = sandbox;
    }

    public record Changed(StoredJudgment stored, JudgmentResult candidate) {
        public boolean gradeChanged() {
            return stored.engineGrade() != candidate.grade();
        }
    }

    /** {@code problem} says why the preview could not be made (e.g. the sandbox's time limit); null when it was. */
    public record Impact(int examined, List<Changed> changed, String problem) {
    }

    public Impact of(Jurisdiction jurisdiction, RuleRelease release) {
        List<StoredJudgment> stored = inspections.storedJudgments(jurisdiction, MAX_FINDINGS);
        List<JudgmentResult> results;
        if (release.getStatus() == ReleaseStatus.VALIDATED) {
            SandboxResult r = sandbox.judge(releases.files(release), stored.stream().map(StoredJudgment::facts).toList());
            if (!r.problems().isEmpty() || r.judgments().size() != stored.size()) {
                return new Impact(stored.size(), List.of(), "无法完成影响预览：" + r.problems().stream()
                        .map(Object::toString).collect(java.util.stream.Collectors.joining("；")));
            }
            results = r.judgments();
        } else {
            RuleBase approved = releases.compiled(release); // reviewed; anything else is refused (409)
            results = RuleEngine.judgeAll(approved, stored.stream().map(StoredJudgment::facts).toList());
        }
        List<Changed> changed = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            if (differs(stored.get(i), results.get(i))) {
                changed.add(new Changed(stored.get(i), results.get(i)));
            }
        }
        return new Impact(stored.size(), changed, null);
    }

    static boolean differs(StoredJudgment s, JudgmentResult r) {
        HazardGrade g = r.grade();
        List<Citation> c = r.citations();
        return g != s.engineGrade() || !Objects.equals(List.copyOf(c), List.copyOf(s.citations()));
    }
}

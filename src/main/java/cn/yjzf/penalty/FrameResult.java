package cn.yjzf.penalty;

import cn.yjzf.penalty.facts.Discretion;
import cn.yjzf.penalty.facts.FrameFlag;
import cn.yjzf.penalty.facts.FrameMeasure;
import cn.yjzf.penalty.facts.FrameRange;
import java.util.List;

/** What the frame rules answered for one violation, with the rules that fired. */
public record FrameResult(String accidentLevel, List<FrameRange> ranges, List<FrameMeasure> measures, List<FrameFlag> flags,
        List<Discretion> discretions, List<String> firedRules) {

    public boolean noPenalty() {
        return discretions.stream().anyMatch(d -> d.getOutcome().equals(Discretion.NO_PENALTY));
    }

    public boolean mayWaive() {
        return discretions.stream().anyMatch(d -> d.getOutcome().equals(Discretion.MAY_WAIVE));
    }

    public boolean lighterOrMitigated() {
        return discretions.stream().anyMatch(d -> d.getOutcome().equals(Discretion.LIGHTER_OR_MITIGATED));
    }
}

package cn.yjzf.penalty;

import cn.yjzf.penalty.facts.FrameRange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The yuan ranges the statute sets for a violation at a stage (first finding or the escalation stage), asked of the
 * frame rules and cached: what a 基准 tier and an officer's amount must stay within. Accident-graded frames
 * (第九十五、一百一十四条) are answered per accident level by the proposal, not here.
 */
public final class StatutoryFrame {

    /** Unit range, person range and whom the person range fines; a null range means the statute sets no fine there. */
    public record Bounds(AmountRange unit, AmountRange person, String personSubject, List<FrameRange> ranges) {
    }

    private final PenaltyRuleSet set;
    private final FrameEngine engine;
    private final Map<String, Bounds> cache = new ConcurrentHashMap<>();

    public StatutoryFrame(PenaltyRuleSet set, FrameEngine engine) {
        this.set = set;
        this.engine = engine;
    }

    public PenaltyRuleSet set() {
        return set;
    }

    /** The stage a table's "逾期" columns mean for this violation (逾期未改正, 拒不执行, 拒不改正), or null. */
    public static String escalation(Violation v) {
        return v.stages().size() > 1 ? v.stages().get(1) : null;
    }

    public Bounds bounds(Violation v, String stage) {
        return cache.computeIfAbsent(v.frame() + "|" + stage, k -> compute(v, stage));
    }

    private Bounds compute(Violation v, String stage) {
        FrameResult r = engine.evaluate(set, new FrameInput(
                new FrameInput.OffenceSpec(v.frame(), stage, false, null, false, false, false, false), null, null, null));
        return of(r.ranges());
    }

    public static Bounds of(List<FrameRange> ranges) {
        AmountRange unit = null;
        AmountRange person = null;
        String personSubject = null;
        for (FrameRange fr : ranges) {
            if (!fr.getBasis().equals(FrameRange.YUAN)) {
                continue;
            }
            AmountRange a = new AmountRange(fr.getMin(), fr.getMax());
            if (fr.getSubject().equals(FrameRange.UNIT)) {
                unit = a;
            } else if (person == null) {
                person = a;
                personSubject = fr.getSubject();
            }
        }
        return new Bounds(unit, person, personSubject, ranges);
    }
}

package cn.yjzf.penalty;

import cn.yjzf.penalty.facts.AccidentLevel;
import cn.yjzf.penalty.facts.Discretion;
import cn.yjzf.penalty.facts.FrameFlag;
import cn.yjzf.penalty.facts.FrameMeasure;
import cn.yjzf.penalty.facts.FrameRange;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** Runs the frame rules of a penalty family for one violation. Stateless; one short-lived session per call. */
public final class FrameEngine {

    public FrameResult evaluate(PenaltyRuleSet set, FrameInput input) {
        KieSession session = set.kieBase().newKieSession();
        List<String> fired = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            if (input.offence() != null) {
                session.insert(input.offence().fact());
            }
            if (input.accident() != null) {
                session.insert(input.accident().fact());
            }
            if (input.circumstances() != null) {
                session.insert(input.circumstances().fact());
            }
            if (input.history() != null) {
                session.insert(input.history().fact());
            }
            session.fireAllRules();
            String level = null;
            List<FrameRange> ranges = new ArrayList<>();
            List<FrameMeasure> measures = new ArrayList<>();
            List<FrameFlag> flags = new ArrayList<>();
            List<Discretion> discretions = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof AccidentLevel l) {
                    level = l.getLevel();
                } else if (o instanceof FrameRange r) {
                    ranges.add(r);
                } else if (o instanceof FrameMeasure m) {
                    measures.add(m);
                } else if (o instanceof FrameFlag f) {
                    flags.add(f);
                } else if (o instanceof Discretion d) {
                    discretions.add(d);
                }
            }
            // session order is not insertion order: sort for stable answers
            ranges.sort(java.util.Comparator.comparing((FrameRange r) -> r.getCitation().rule()).thenComparing(FrameRange::getSubject));
            measures.sort(java.util.Comparator.comparing((FrameMeasure m) -> m.getCitation().rule()).thenComparing(FrameMeasure::getText));
            flags.sort(java.util.Comparator.comparing((FrameFlag f) -> f.getCitation().rule()));
            discretions.sort(java.util.Comparator.comparing((Discretion d) -> d.getCitation().rule()));
            return new FrameResult(level, List.copyOf(ranges), List.copyOf(measures), List.copyOf(flags),
                    List.copyOf(discretions), List.copyOf(fired));
        } finally {
            session.dispose();
        }
    }
}

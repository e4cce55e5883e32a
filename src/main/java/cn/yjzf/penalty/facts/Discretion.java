package cn.yjzf.penalty.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A 行政处罚法 finding on the circumstances: 不予处罚, 可以不予处罚, 应当从轻或者减轻. */
public class Discretion {

    public static final String NO_PENALTY = "不予行政处罚";
    public static final String MAY_WAIVE = "可以不予行政处罚";
    public static final String LIGHTER_OR_MITIGATED = "应当从轻或者减轻行政处罚";

    private final String outcome;
    private final PenaltyCitation citation;

    private Discretion(String outcome, PenaltyCitation citation) {
        this.outcome = outcome;
        this.citation = citation;
    }

    public static Discretion of(RuleContext kcontext, String outcome) {
        return new Discretion(outcome, PenaltyCitation.of(kcontext));
    }

    public String getOutcome() { return outcome; }

    public PenaltyCitation getCitation() { return citation; }
}

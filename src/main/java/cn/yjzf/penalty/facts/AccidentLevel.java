package cn.yjzf.penalty.facts;

import org.kie.api.runtime.rule.RuleContext;

/** The level the 493号 rules derived: 一般事故 / 较大事故 / 重大事故 / 特别重大事故. */
public class AccidentLevel {

    public static final String GENERAL = "一般事故";
    public static final String LARGER = "较大事故";
    public static final String MAJOR = "重大事故";
    public static final String ESPECIALLY_MAJOR = "特别重大事故";

    private final String level;
    private final PenaltyCitation citation;

    private AccidentLevel(String level, PenaltyCitation citation) {
        this.level = level;
        this.citation = citation;
    }

    public static AccidentLevel of(RuleContext kcontext, String level) {
        return new AccidentLevel(level, PenaltyCitation.of(kcontext));
    }

    public String getLevel() { return level; }

    public PenaltyCitation getCitation() { return citation; }
}

package cn.yjzf.penalty.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A non-fine measure the statute attaches (责令限期改正, 责令停产停业整顿, 没收违法所得, 撤职 …). */
public class FrameMeasure {

    private final String text;
    private final PenaltyCitation citation;

    private FrameMeasure(String text, PenaltyCitation citation) {
        this.text = text;
        this.citation = citation;
    }

    public static FrameMeasure of(RuleContext kcontext, String text) {
        return new FrameMeasure(text, PenaltyCitation.of(kcontext));
    }

    public String getText() { return text; }

    public PenaltyCitation getCitation() { return citation; }
}

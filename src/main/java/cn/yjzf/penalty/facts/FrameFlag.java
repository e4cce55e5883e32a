package cn.yjzf.penalty.facts;

import org.kie.api.runtime.rule.RuleContext;

/** Something the officer must act on beyond the fine: 按日连续处罚 (第一百一十二条), 提请关闭 (第一百一十三条). */
public class FrameFlag {

    public static final String DAILY_PENALTY = "按日连续处罚";
    public static final String CLOSURE = "提请关闭";

    private final String code;
    private final String text;
    private final PenaltyCitation citation;

    private FrameFlag(String code, String text, PenaltyCitation citation) {
        this.code = code;
        this.text = text;
        this.citation = citation;
    }

    public static FrameFlag of(RuleContext kcontext, String code, String text) {
        return new FrameFlag(code, text, PenaltyCitation.of(kcontext));
    }

    public String getCode() { return code; }

    public String getText() { return text; }

    public PenaltyCitation getCitation() { return citation; }
}

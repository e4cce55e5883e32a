package cn.yjzf.penalty.facts;

import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/** Where a range, measure or finding comes from, as declared in the metadata of the rule that produced it. */
public record PenaltyCitation(String rule, String law, String article, String paragraph, String item, String title) {

    public static final String LAW = "law";
    public static final String ARTICLE = "article";
    public static final String PARAGRAPH = "paragraph";
    public static final String ITEM = "item";
    public static final String TITLE = "title";
    public static final String VERIFICATION = "verification";
    public static final String SOURCE = "source";

    public static PenaltyCitation of(RuleContext kcontext) {
        Rule r = kcontext.getRule();
        return fromMetadata(r.getName(), r.getMetaData());
    }

    public static PenaltyCitation fromMetadata(String rule, Map<String, Object> md) {
        return new PenaltyCitation(rule, text(md, LAW), text(md, ARTICLE), text(md, PARAGRAPH), text(md, ITEM), text(md, TITLE));
    }

    private static String text(Map<String, Object> md, String key) {
        Object v = md.get(key);
        return v == null ? "" : v.toString();
    }

    /** "《安全生产法》第一百零三条第一款" */
    public String text() {
        return "《" + law + "》" + article + paragraph + item;
    }
}

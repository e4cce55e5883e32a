package cn.yjzf.casework.facts;

import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Inserted by a procedure rule that forbids the requested step: {@code insert(Missing.of(kcontext));}. The step that
 * is missing, the requirement and its citation come from the rule's metadata ({@code @step}, {@code @requirement},
 * {@code @citation}).
 */
public record Missing(String rule, String step, String requirement, String citation) {

    public static Missing of(RuleContext kcontext) {
        Rule r = kcontext.getRule();
        Map<String, Object> m = r.getMetaData();
        return new Missing(r.getName(), text(m, "step"), text(m, "requirement"), text(m, "citation"));
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    /** One line for people: what is missing and why. */
    public String message() {
        return "缺少“" + step + "”：" + requirement + "（" + citation + "）";
    }
}

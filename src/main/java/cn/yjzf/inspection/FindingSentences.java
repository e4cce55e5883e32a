package cn.yjzf.inspection;

import cn.yjzf.judgment.ChecklistGroup;
import cn.yjzf.judgment.ChecklistQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first draft of a finding's description, written from its checklist answers as the sentence an officer would
 * write ("煤磨袋式收尘器、煤粉仓的固定式一氧化碳浓度监测报警装置失效；主要负责人未依法经考核合格。"), never
 * "问题？：否". Only facts go in — deficient answers and the conditions that frame them; the article they fall under
 * is the hazard's citation, kept apart. The officer edits the draft before the order is issued.
 */
final class FindingSentences {

    private static final String YES = "是";
    private static final String NO = "否";
    /** Answers that state no fact about the site: the object is not there, or it was not looked at. */
    private static final java.util.Set<String> NOT_STATED = java.util.Set.of("不适用", "未检查");

    private FindingSentences() {
    }

    static String describe(ChecklistGroup group, Map<String, String> answers) {
        List<String> facts = new ArrayList<>();
        for (ChecklistQuestion q : group.questions()) {
            String value = answers.get(q.code());
            String fact = value == null || value.isBlank() ? null : fact(q, value.trim());
            if (fact != null) {
                facts.add(fact);
            }
        }
        if (facts.isEmpty()) {
            return "按检查表检查“" + group.title() + "”，所答各项未见不符合。";
        }
        return String.join("；", facts) + "。";
    }

    /** One answer as a clause, or null when it states nothing worth writing (a compliant answer, 不适用 …). */
    static String fact(ChecklistQuestion q, String value) {
        if (NOT_STATED.contains(value)) {
            return null;
        }
        String text = subject(q.text());
        return switch (q.type()) {
            case DEVICE -> q.isDeficient(value) ? text + value : null;
            case NUMBER -> text + "为" + value + (q.unit() == null ? "" : q.unit());
            case CHOICE -> q.allowedValues().contains(value)
                    && (q.isDeficient(value) || q.deficientOptions() == null || q.deficientOptions().isEmpty())
                    ? text + "：" + value : null;
            case YES_NO -> (YES.equals(value) || NO.equals(value)) && (q.isDeficient(value) || q.compliant() == null)
                    ? statement(text, YES.equals(value)) : null;
        };
    }

    /** The question without its question mark and without notes on how to answer ("（未配备记为未设置）"). */
    private static String subject(String text) {
        return text.replaceAll("（[^（）]*(记为|答「)[^（）]*）", "").replaceAll("[？?]\\s*$", "").trim();
    }

    /** "主要负责人是否依法经考核合格" + 否 → "主要负责人未依法经考核合格"; + 是 → "主要负责人依法经考核合格". */
    static String statement(String question, boolean yes) {
        int at = question.indexOf("是否");
        if (at < 0) {
            return question + "：" + (yes ? YES : NO);
        }
        String before = question.substring(0, at);
        String rest = question.substring(at + 2);
        if (yes) {
            // "是否为食品制造企业" has no subject: "系食品制造企业", not "为食品制造企业".
            return before.isEmpty() && rest.startsWith("为") ? "系" + rest.substring(1) : before + rest;
        }
        return before + negate(rest);
    }

    private static String negate(String rest) {
        if (rest.startsWith("有效")) {
            return "未" + rest;
        }
        if (rest.startsWith("有")) {
            return "没有" + rest.substring(1);
        }
        if (rest.startsWith("为")) {
            return "不是" + rest.substring(1);
        }
        if (rest.startsWith("均")) {
            return "并非均" + rest.substring(1);
        }
        for (String verb : List.of("存在", "符合", "满足", "涉及", "属于", "能", "与", "超")) {
            if (rest.startsWith(verb)) {
                return "不" + rest;
            }
        }
        // "是否进行了安全设计诊断" → "未进行安全设计诊断": a completed-action 了 reads wrong after 未.
        int le = rest.indexOf('了');
        String plain = le > 0 && le <= 3 ? rest.substring(0, le) + rest.substring(le + 1) : rest;
        return "未" + plain;
    }
}

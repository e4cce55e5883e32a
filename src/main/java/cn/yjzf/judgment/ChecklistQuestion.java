package cn.yjzf.judgment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One observation an officer records. Types: YES_NO (是/否), DEVICE (正常/未设置/失效 — 第十四条 treats
 * 失效 like 未设置), NUMBER (with unit; thresholds live in the rules), CHOICE (options, some deficient).
 * {@code compliant} (YES_NO) or {@code deficientOptions} (CHOICE) say which answers are non-compliant;
 * a YES_NO question without {@code compliant} only establishes a condition.
 * {@code notApplicable}: the question presupposes an object or process the enterprise may not have, so
 * {@value Answer#NOT_APPLICABLE} is also a valid answer; it is never non-compliant and no rule compares with it.
 * {@code guidance} (判定要点) is shown beside the question; {@code guidanceSource} names the official list or
 * standard that defines the term, or {@value #BUREAU_EXPLANATION} when it is the bureau's own explanation.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ChecklistQuestion(String code, String text, QuestionType type, String compliant, String unit,
                                List<String> options, List<String> deficientOptions, Boolean notApplicable,
                                String guidance, String guidanceSource) {

    public enum QuestionType { YES_NO, DEVICE, NUMBER, CHOICE }

    /** Label of guidance that no official text defines. */
    public static final String BUREAU_EXPLANATION = "本局解释";

    public boolean allowsNotApplicable() {
        return Boolean.TRUE.equals(notApplicable);
    }

    public List<String> allowedValues() {
        List<String> values = switch (type) {
            case YES_NO -> List.of("是", "否");
            case DEVICE -> List.of(Answer.DEVICE_NORMAL, Answer.DEVICE_ABSENT, Answer.DEVICE_FAILED);
            case CHOICE -> options == null ? List.of() : options;
            case NUMBER -> List.of();
        };
        if (!allowsNotApplicable()) {
            return values;
        }
        List<String> withNa = new java.util.ArrayList<>(values);
        withNa.add(Answer.NOT_APPLICABLE);
        return List.copyOf(withNa);
    }

    /** Null when the value is acceptable for this question, otherwise the reason in Chinese. */
    public String rejectValue(String value) {
        if (value == null || value.isBlank()) {
            return "未作答";
        }
        if (allowsNotApplicable() && Answer.NOT_APPLICABLE.equals(value)) {
            return null;
        }
        if (type == QuestionType.NUMBER) {
            return rejectNumber(value.trim());
        }
        return allowedValues().contains(value) ? null : "应为以下之一：" + String.join("、", allowedValues());
    }

    /**
     * Plain decimals only: no sign, no exponent ("1e999999999" would make a BigDecimal the rules cannot compare in
     * reasonable time), at most 9 integer and 3 decimal digits; units that count people or things take whole numbers.
     */
    private String rejectNumber(String value) {
        String unitHint = unit == null ? "" : "（单位：" + unit + "）";
        if (value.startsWith("-")) {
            return "不能为负数";
        }
        if (!value.matches("[0-9.eE+]+")) {
            return "应为数字" + unitHint;
        }
        if (!PLAIN_NUMBER.matcher(value).matches()) {
            return "应为不超过9位整数、3位小数的数字" + unitHint;
        }
        if (unit != null && COUNTED_UNITS.contains(unit) && value.contains(".")) {
            return "应为整数" + unitHint;
        }
        return null;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,3})?");
    /** Units of counted things (head counts, devices): a fraction of them is not an answer. */
    private static final java.util.Set<String> COUNTED_UNITS = java.util.Set.of("人", "名", "个", "台", "套", "处", "座", "次");

    public boolean isDeficient(String value) {
        if (value == null || Answer.NOT_APPLICABLE.equals(value)) {
            return false;
        }
        return switch (type) {
            case YES_NO -> compliant != null && !compliant.equals(value);
            case DEVICE -> Answer.DEVICE_ABSENT.equals(value) || Answer.DEVICE_FAILED.equals(value);
            case CHOICE -> deficientOptions != null && deficientOptions.contains(value);
            case NUMBER -> false;
        };
    }
}

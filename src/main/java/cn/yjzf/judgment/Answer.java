package cn.yjzf.judgment;

import java.math.BigDecimal;

/**
 * One checklist answer of a finding, as the DRL sees it.
 * {@code value} is what the officer chose ("是", "否", "正常", "未设置", "失效", or a number);
 * {@code deficient} says whether the checklist marks that value as non-compliant.
 */
public final class Answer {

    /** Device answers: present and working. */
    public static final String DEVICE_NORMAL = "正常";
    /** Device answers: not installed (未设置 / 未联锁). */
    public static final String DEVICE_ABSENT = "未设置";
    /** Device answers: installed but failed or ineffective (第十四条 of 应急管理部令第10号). */
    public static final String DEVICE_FAILED = "失效";
    /** The object or process the question presupposes does not exist at the enterprise: never fires a rule. */
    public static final String NOT_APPLICABLE = "不适用";

    private final int findingId;
    private final String code;
    private final String value;
    private final boolean deficient;

    public Answer(String code, String value, boolean deficient) {
        this(0, code, value, deficient);
    }

    /** {@code findingId}: which finding of a session this answer belongs to (see {@link FindingScope}). */
    public Answer(int findingId, String code, String value, boolean deficient) {
        this.findingId = findingId;
        this.code = code;
        this.value = value;
        this.deficient = deficient;
    }

    /** Joins the answer to its own finding when several findings share a session; never written in a rule. */
    public int getFindingId() { return findingId; }

    public String getCode() { return code; }

    public String getValue() { return value; }

    public boolean isDeficient() { return deficient; }

    /** The answer as a number, or null when it is not numeric (a rule then simply does not match). */
    public BigDecimal getNumber() {
        try {
            return value == null ? null : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return code + "=" + value + (deficient ? "(不符合)" : "");
    }
}

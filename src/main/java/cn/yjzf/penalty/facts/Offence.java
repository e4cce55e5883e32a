package cn.yjzf.penalty.facts;

/**
 * One charged violation as the penalty rules see it. {@code frame} names the statutory penalty provision whose ranges
 * apply (e.g. "97" for every item of 安全生产法第九十七条, "103-1" for 第一百零三条第一款); the catalogue maps each
 * violation to its frame. {@code stage} is where the case stands: 首次 (first finding), 逾期未改正, 拒不执行 (第一百零二条)
 * or 拒不改正 (第一百零八条).
 */
public class Offence {

    public static final String FIRST = "首次";
    public static final String OVERDUE = "逾期未改正";
    public static final String REFUSED_TO_EXECUTE = "拒不执行";
    public static final String REFUSED_TO_CORRECT = "拒不改正";

    private final String frame;
    private final String stage;
    private final boolean causedAccident;
    private final Long illegalIncome;
    private final boolean seriousCircumstances;
    private final boolean especiallySerious;
    private final boolean absconded;
    private final boolean finedAndStillUncorrected;

    public Offence(String frame, String stage, boolean causedAccident, Long illegalIncome, boolean seriousCircumstances,
            boolean especiallySerious, boolean absconded, boolean finedAndStillUncorrected) {
        this.frame = frame;
        this.stage = stage;
        this.causedAccident = causedAccident;
        this.illegalIncome = illegalIncome;
        this.seriousCircumstances = seriousCircumstances;
        this.especiallySerious = especiallySerious;
        this.absconded = absconded;
        this.finedAndStillUncorrected = finedAndStillUncorrected;
    }

    public String getFrame() { return frame; }

    public String getStage() { return stage; }

    public boolean isCausedAccident() { return causedAccident; }

    /** 违法所得 in yuan; null when there is none. */
    public Long getIllegalIncome() { return illegalIncome; }

    /** 违法所得 in yuan, 0 when there is none (第一百零三条 treats "没有违法所得" like "不足十万元"). */
    public long getIllegalIncomeYuan() { return illegalIncome == null ? 0 : illegalIncome; }

    /** 情节严重 (第九十九条: 责令停产停业整顿). */
    public boolean isSeriousCircumstances() { return seriousCircumstances; }

    /** 情节特别严重、影响特别恶劣 (第一百一十四条第二款). */
    public boolean isEspeciallySerious() { return especiallySerious; }

    /** The principal absconded (第一百一十条: 拘留 by the police, 第一百一十五条). */
    public boolean isAbsconded() { return absconded; }

    /** Ordered to correct, fined, and still not corrected (第一百一十二条). */
    public boolean isFinedAndStillUncorrected() { return finedAndStillUncorrected; }
}

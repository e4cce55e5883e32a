package cn.yjzf.penalty.facts;

/**
 * What 安全生产法第一百一十三条 looks at. Counts include the penalty now being decided: "一百八十日内三次" is met when
 * this one is the third.
 */
public class EnforcementHistory {

    private final boolean majorHazard;
    private final int majorHazardPenaltiesIn180Days;
    private final int majorHazardPenaltiesInOneYear;
    private final boolean stillUnsafeAfterSuspension;
    private final boolean lacksSafetyConditions;
    private final boolean refusedSuspension;

    public EnforcementHistory(boolean majorHazard, int majorHazardPenaltiesIn180Days, int majorHazardPenaltiesInOneYear,
            boolean stillUnsafeAfterSuspension, boolean lacksSafetyConditions, boolean refusedSuspension) {
        this.majorHazard = majorHazard;
        this.majorHazardPenaltiesIn180Days = majorHazardPenaltiesIn180Days;
        this.majorHazardPenaltiesInOneYear = majorHazardPenaltiesInOneYear;
        this.stillUnsafeAfterSuspension = stillUnsafeAfterSuspension;
        this.lacksSafetyConditions = lacksSafetyConditions;
        this.refusedSuspension = refusedSuspension;
    }

    public boolean isMajorHazard() { return majorHazard; }

    public int getMajorHazardPenaltiesIn180Days() { return majorHazardPenaltiesIn180Days; }

    public int getMajorHazardPenaltiesInOneYear() { return majorHazardPenaltiesInOneYear; }

    public boolean isStillUnsafeAfterSuspension() { return stillUnsafeAfterSuspension; }

    public boolean isLacksSafetyConditions() { return lacksSafetyConditions; }

    public boolean isRefusedSuspension() { return refusedSuspension; }
}

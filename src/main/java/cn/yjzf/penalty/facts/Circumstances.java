package cn.yjzf.penalty.facts;

/**
 * The circumstances 行政处罚法 第三十二、三十三条 turn on, as the officer records them. {@code onFirstOffenceList}
 * comes from the 基准 in force (a 首违不罚 list), never from the officer.
 */
public class Circumstances {

    private final boolean minor;
    private final boolean correctedInTime;
    private final boolean noHarm;
    private final boolean firstOffence;
    private final boolean harmMinor;
    private final boolean onFirstOffenceList;
    private final boolean noFault;
    private final boolean eliminatedHarm;
    private final boolean coerced;
    private final boolean confessed;
    private final boolean meritorious;

    public Circumstances(boolean minor, boolean correctedInTime, boolean noHarm, boolean firstOffence, boolean harmMinor,
            boolean onFirstOffenceList, boolean noFault, boolean eliminatedHarm, boolean coerced, boolean confessed,
            boolean meritorious) {
        this.minor = minor;
        this.correctedInTime = correctedInTime;
        this.noHarm = noHarm;
        this.firstOffence = firstOffence;
        this.harmMinor = harmMinor;
        this.onFirstOffenceList = onFirstOffenceList;
        this.noFault = noFault;
        this.eliminatedHarm = eliminatedHarm;
        this.coerced = coerced;
        this.confessed = confessed;
        this.meritorious = meritorious;
    }

    /** 违法行为轻微. */
    public boolean isMinor() { return minor; }

    /** 及时改正. */
    public boolean isCorrectedInTime() { return correctedInTime; }

    /** 没有造成危害后果. */
    public boolean isNoHarm() { return noHarm; }

    /** 初次违法. */
    public boolean isFirstOffence() { return firstOffence; }

    /** 危害后果轻微. */
    public boolean isHarmMinor() { return harmMinor; }

    /** The violation is on the 首违不罚 list of the 基准 in force. */
    public boolean isOnFirstOffenceList() { return onFirstOffenceList; }

    /** 有证据足以证明没有主观过错. */
    public boolean isNoFault() { return noFault; }

    /** 主动消除或者减轻违法行为危害后果. */
    public boolean isEliminatedHarm() { return eliminatedHarm; }

    /** 受他人胁迫或者诱骗实施违法行为. */
    public boolean isCoerced() { return coerced; }

    /** 主动供述行政机关尚未掌握的违法行为. */
    public boolean isConfessed() { return confessed; }

    /** 配合行政机关查处违法行为有立功表现. */
    public boolean isMeritorious() { return meritorious; }
}

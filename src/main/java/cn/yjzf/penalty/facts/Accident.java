package cn.yjzf.penalty.facts;

/** The consequences of a 生产安全事故 that 国务院令第493号第三条 grades by: deaths, serious injuries, direct loss (yuan). */
public class Accident {

    private final int deaths;
    private final int seriousInjuries;
    private final long directLoss;

    public Accident(int deaths, int seriousInjuries, long directLoss) {
        this.deaths = deaths;
        this.seriousInjuries = seriousInjuries;
        this.directLoss = directLoss;
    }

    public int getDeaths() { return deaths; }

    /** 重伤, including 急性工业中毒. */
    public int getSeriousInjuries() { return seriousInjuries; }

    public long getDirectLoss() { return directLoss; }
}

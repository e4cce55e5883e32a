package cn.yjzf.judgment;

import java.util.Set;

/**
 * The enterprise attributes a hazard rule may depend on, as the DRL sees them.
 * Values are the Chinese labels the standards use (行业 "建材", 标记 "粉尘涉爆"), so a rule
 * maintainer reads {@code EnterpriseFacts(industry == "建材")} without a code table.
 */
public final class EnterpriseFacts {

    private final int findingId;
    private final String industry;
    private final Set<String> flags;
    private final Integer majorHazardSourceLevel;

    public EnterpriseFacts(String industry, Set<String> flags, Integer majorHazardSourceLevel) {
        this(0, industry, Set.copyOf(flags), majorHazardSourceLevel);
    }

    private EnterpriseFacts(int findingId, String industry, Set<String> flags, Integer majorHazardSourceLevel) {
        this.findingId = findingId;
        this.industry = industry;
        this.flags = flags;
        this.majorHazardSourceLevel = majorHazardSourceLevel;
    }

    /** The same enterprise as the fact of one finding of a session (each finding inserts its own). */
    EnterpriseFacts forFinding(int id) {
        return new EnterpriseFacts(id, industry, flags, majorHazardSourceLevel);
    }

    /** Joins the facts of one finding when several findings share a session; never written in a rule. */
    public int getFindingId() { return findingId; }

    public String getIndustry() { return industry; }

    public Set<String> getFlags() { return flags; }

    /** 重大危险源等级 1–4, or null when the enterprise has none. */
    public Integer getMajorHazardSourceLevel() { return majorHazardSourceLevel; }

    public boolean has(String flag) { return flags.contains(flag); }

    @Override
    public String toString() {
        return "EnterpriseFacts[" + industry + ", " + flags + ", 重大危险源=" + majorHazardSourceLevel + "]";
    }
}

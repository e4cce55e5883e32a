package cn.yjzf.judgment;

import java.util.Set;

/**
 * The enterprise attributes a hazard rule may depend on, as the DRL sees them.
 * Values are the Chinese labels the standards use (行业 "建材", 标记 "粉尘涉爆"), so a rule
 * maintainer reads {@code EnterpriseFacts(industry == "建材")} without a code table.
 */
public final class EnterpriseFacts {

    private final String industry;
    private final Set<String> flags;
    private final Integer majorHazardSourceLevel;

    public EnterpriseFacts(String industry, Set<String> flags, Integer majorHazardSourceLevel) {
        this.industry = industry;
        this.flags = Set.copyOf(flags);
        this.majorHazardSourceLevel = majorHazardSourceLevel;
    }

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

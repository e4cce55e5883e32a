package cn.yjzf.penalty;

import java.util.List;

/**
 * One entry of the 违法行为库: what the officer charges, its duty article (违法依据) and penalty article (处罚依据) of the
 * law, and the frame (statutory ranges, see the frame DRL) it is punished under. {@code frame} is null for a named gap.
 */
public record Violation(String code, String title, String duty, String penalty, String frame, List<String> stages,
        List<String> hazardRules, boolean accident, boolean illegalIncome, String gap) {

    public Violation {
        stages = stages == null ? List.of() : List.copyOf(stages);
        hazardRules = hazardRules == null ? List.of() : List.copyOf(hazardRules);
    }

    /** The article alone ("第九十七条第（四）项" → "第九十七条"), for coverage. */
    public String article() {
        int at = penalty.indexOf('条');
        return at < 0 ? penalty : penalty.substring(0, at + 1);
    }

    public boolean evidencedBy(String hazardRule) {
        return hazardRules.contains(hazardRule);
    }

    public boolean evidencedByAnyHazard() {
        return hazardRules.contains("*");
    }

    /** Catalogue file shape. */
    public record Catalogue(List<Violation> violations) {
    }
}

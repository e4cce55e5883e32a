package cn.yjzf.penalty;

/**
 * One tier (裁量阶次) of a 基准 row, flattened: the violation it belongs to, its order and label, the quantitative
 * condition ({@code metric} between {@code metricMin} and {@code metricMax}, bound inclusivity set per table), the
 * qualitative 适用条件, and its ranges: unit on first finding, unit when 逾期未改正, person on first finding, person when
 * 逾期未改正. {@code line} is the row number in the imported file (header = 1).
 */
public record DiscretionTier(int line, String violationCode, int order, String label, String metric, Long metricMin,
        Long metricMax, String conditions, AmountRange unit, AmountRange unitOverdue, AmountRange person,
        AmountRange personOverdue, boolean firstOffenceList) {

    /** Whether a measured quantity falls in this tier; a tier without a metric matches anything. */
    public boolean matches(Long value, boolean lowerInclusive, boolean upperInclusive) {
        if (metric == null || metric.isBlank()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        boolean aboveMin = metricMin == null || (lowerInclusive ? value >= metricMin : value > metricMin);
        boolean belowMax = metricMax == null || (upperInclusive ? value <= metricMax : value < metricMax);
        return aboveMin && belowMax;
    }

    public AmountRange unitFor(boolean overdue) {
        return overdue ? unitOverdue : unit;
    }

    public AmountRange personFor(boolean overdue) {
        return overdue ? personOverdue : person;
    }

    /** "数量 ≥ 2 且 < 3" as shown to officers and reviewers. */
    public String conditionText(boolean lowerInclusive, boolean upperInclusive) {
        StringBuilder s = new StringBuilder();
        if (metric != null && !metric.isBlank()) {
            s.append(metric);
            if (metricMin != null) {
                s.append(lowerInclusive ? " ≥ " : " > ").append(metricMin);
            }
            if (metricMax != null) {
                s.append(metricMin != null ? " 且" : "").append(upperInclusive ? " ≤ " : " < ").append(metricMax);
            }
        }
        if (conditions != null && !conditions.isBlank()) {
            s.append(s.isEmpty() ? "" : "；").append(conditions);
        }
        return s.isEmpty() ? "（无附加条件）" : s.toString();
    }
}

package cn.yjzf.penalty;

/** A fine range in yuan, both ends reached ({@code min == 0}: the statute sets only a maximum). */
public record AmountRange(long min, long max) {

    public AmountRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("罚款区间不合法：" + min + "–" + max);
        }
    }

    public boolean contains(long amount) {
        return amount >= min && amount <= max;
    }

    public boolean within(AmountRange outer) {
        return min >= outer.min && max <= outer.max;
    }

    /** "1万元至2万元", "5万元以下", "2万元". */
    public String text() {
        if (min == max) {
            return yuan(min);
        }
        return min == 0 ? yuan(max) + "以下" : yuan(min) + "至" + yuan(max);
    }

    public static String yuan(long amount) {
        if (amount >= 10000 && amount % 100 == 0) {
            java.math.BigDecimal wan = java.math.BigDecimal.valueOf(amount, 4).stripTrailingZeros();
            return wan.toPlainString() + "万元";
        }
        return amount + "元";
    }
}

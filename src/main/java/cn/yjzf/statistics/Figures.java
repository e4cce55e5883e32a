package cn.yjzf.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The counted figures of one row (a month, a township, an industry, or the total). */
final class Figures {

    long inspections;
    long enterprises;
    final Grade general = new Grade();
    final Grade major = new Grade();
    long penalties;
    BigDecimal fines = BigDecimal.ZERO;

    void add(Figures o) {
        inspections += o.inspections;
        enterprises += o.enterprises; // only summed for cumulative months of distinct records, see docs/statistics.md
        general.add(o.general);
        major.add(o.major);
        penalties += o.penalties;
        fines = fines.add(o.fines);
    }

    /** Hazards of one grade: found in the period, of those rectified (复查通过) and overdue (marked by the daily job). */
    static final class Grade {
        long found;
        long rectified;
        long overdue;

        void add(Grade o) {
            found += o.found;
            rectified += o.rectified;
            overdue += o.overdue;
        }

        /** 整改率 = rectified ÷ found × 100, rounded half-up to one decimal; "—" when nothing was found. */
        String rate() {
            if (found == 0) {
                return "—";
            }
            return BigDecimal.valueOf(rectified).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(found), 1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    /** 元 with two decimals, as the decision states it. */
    static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** 万元 exactly, without trailing zeros, as bureaus write it: 2,063,340 元 → 206.334. */
    static String wanYuan(BigDecimal amount) {
        if (amount.signum() == 0) {
            return "0";
        }
        return amount.movePointLeft(4).stripTrailingZeros().toPlainString();
    }
}

package cn.yjzf.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * 安全生产法 第一百一十三条第（一）项: an enterprise that 存在重大事故隐患 and was penalised under the law
 * 一百八十日内三次 or 一年内四次 is to be proposed to the local government for closure. The counts and windows are the
 * article's own (laws/work-safety-law-2021.md). A window starts on the first decision's day and, that day not being
 * counted (as every period in this system), ends on the 180th day after it, or on the same date a year later.
 */
final class ClosurePattern {

    static final int TIMES_IN_DAYS = 3;
    static final int DAYS = 180;
    static final int TIMES_IN_YEAR = 4;

    record Match(String rule, List<LocalDate> decisions) {
    }

    private ClosurePattern() {
    }

    /** The first run of decisions that meets the article, or empty. */
    static Optional<Match> find(List<LocalDate> decisionDates) {
        List<LocalDate> d = decisionDates.stream().sorted().toList();
        for (int i = 0; i < d.size(); i++) {
            int third = i + TIMES_IN_DAYS - 1;
            if (third < d.size() && ChronoUnit.DAYS.between(d.get(i), d.get(third)) <= DAYS) {
                return Optional.of(new Match("一百八十日内三次", d.subList(i, third + 1)));
            }
            int fourth = i + TIMES_IN_YEAR - 1;
            if (fourth < d.size() && !d.get(fourth).isAfter(d.get(i).plusYears(1))) {
                return Optional.of(new Match("一年内四次", d.subList(i, fourth + 1)));
            }
        }
        return Optional.empty();
    }
}

package cn.yjzf.statistics;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Hook for 挂牌督办 figures (majors listed, of which 省级, 销号; 治理资金). The supervision feature is built in parallel;
 * until an implementation reading its tables is added here (in this package, so no other package depends on
 * statistics), the dashboard and the report show these columns as 未接入. See docs/statistics.md.
 */
interface MajorListings {

    /** Empty when 挂牌督办 is not connected. */
    Optional<Listed> figures(StatisticsScope scope, Period period);

    /** Majors listed in the period, of which at provincial level, of which 销号; 治理资金 in 元 (null: not recorded). */
    record Listed(long listed, long provincial, long closed, java.math.BigDecimal funds) {
    }

    @Component
    class NotConnected implements MajorListings {
        @Override
        public Optional<Listed> figures(StatisticsScope scope, Period period) {
            return Optional.empty();
        }
    }
}

package cn.yjzf.statistics;

import java.util.Optional;

/**
 * 挂牌督办 figures (majors listed, of which 省级, 销号) for a scope and period, read from the supervision feature's table
 * ({@link SupervisionListingFigures}); 治理资金 covers all hazards, which the system does not record, so it stays 未采集.
 */
interface MajorListings {

    /** Empty when 挂牌督办 is not connected. */
    Optional<Listed> figures(StatisticsScope scope, Period period);

    /** Majors listed in the period, of which at provincial level, of which 销号; 治理资金 in 元 (null: not recorded). */
    record Listed(long listed, long provincial, long closed, java.math.BigDecimal funds) {
    }
}

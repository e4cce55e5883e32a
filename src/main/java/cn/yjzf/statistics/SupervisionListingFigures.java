package cn.yjzf.statistics;

import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts 挂牌督办 listings of the scope's hazards straight from {@code supervision_listing} (read-only SQL, so no
 * package depends on statistics and statistics on no supervision class): listed and of which 省级 by the day of
 * listing, 销号 by the day of closure, each within the period.
 */
@Component
class SupervisionListingFigures implements MajorListings {

    private final NamedParameterJdbcTemplate jdbc;

    SupervisionListingFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Listed> figures(StatisticsScope scope, Period period) {
        MapSqlParameterSource p = new MapSqlParameterSource("agencies", scope.agencyIds())
                .addValue("township", scope.townshipId()).addValue("from", period.from()).addValue("to", period.to());
        return Optional.ofNullable(jdbc.queryForObject("""
                SELECT COALESCE(SUM(CASE WHEN listed_on BETWEEN :from AND :to THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN listed_on BETWEEN :from AND :to AND level = 'PROVINCE' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN closed_on BETWEEN :from AND :to THEN 1 ELSE 0 END), 0)
                FROM supervision_listing WHERE hazard_agency_id IN (:agencies)"""
                        + (scope.townshipId() == null ? "" : " AND hazard_township_id = :township"), p,
                (rs, i) -> new Listed(rs.getLong(1), rs.getLong(2), rs.getLong(3), null)));
    }
}

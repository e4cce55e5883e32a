package cn.yjzf.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only facts about a rectification item that a listing shows: its order, enterprise and finding. One join
 * instead of the inspection aggregate, because the supervising agency is usually not the item's own jurisdiction
 * (the listing's visibility is checked by {@link SupervisionService} before anything is shown).
 */
@Component
public class HazardFacts {

    private static final String SELECT = """
            SELECT t.id, t.order_id, o.document_no, t.seq, i.enterprise_id, e.name, f.description, t.agency_id,
                   t.township_id, t.major, t.status, t.deadline
            FROM rectification_track t
            JOIN rectification_order o ON o.id = t.order_id
            JOIN inspection i ON i.id = o.inspection_id
            JOIN enterprise e ON e.id = i.enterprise_id
            JOIN hazard h ON h.id = t.hazard_id
            JOIN finding f ON f.id = h.finding_id
            """;

    /** Public for the templates (SpEL reads only public types). */
    public record Facts(Long trackId, Long orderId, String documentNo, int seq, Long enterpriseId, String enterpriseName,
                 String description, Long agencyId, Long townshipId, boolean major, String status,
                 java.time.LocalDate deadline) {

        public String label() {
            return documentNo + " 第" + seq + "项：" + description;
        }
    }

    private final JdbcTemplate jdbc;

    HazardFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Facts> of(Long trackId) {
        return jdbc.query(SELECT + " WHERE t.id = ?", (rs, n) -> facts(rs), trackId).stream().findFirst();
    }

    /** Major items not yet closed nor escalated and not yet listed, of the given agencies. */
    List<Facts> listable(java.util.Collection<Long> agencyIds, Long townshipId) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", java.util.Collections.nCopies(agencyIds.size(), "?"));
        List<Object> args = new java.util.ArrayList<>(agencyIds);
        String township = "";
        if (townshipId != null) {
            township = " AND t.township_id = ?";
            args.add(townshipId);
        }
        return jdbc.query(SELECT + " WHERE t.major = TRUE AND t.status NOT IN ('ESCALATED') AND t.closed_on IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM supervision_listing l WHERE l.track_id = t.id)"
                + " AND t.agency_id IN (" + in + ")" + township + " ORDER BY t.id DESC",
                (rs, n) -> facts(rs), args.toArray());
    }

    String townshipName(Long id) {
        if (id == null) {
            return "";
        }
        return jdbc.query("SELECT name FROM township WHERE id = ?", (rs, n) -> rs.getString(1), id).stream()
                .findFirst().orElse("");
    }

    private static Facts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Facts(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getLong(8), (Long) rs.getObject(9, Long.class), rs.getBoolean(10), rs.getString(11),
                rs.getDate(12).toLocalDate());
    }
}

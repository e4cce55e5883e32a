package cn.yjzf.casework;

import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.TownshipRepository;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Agency officers act in their agency's name on any matter; a township enforcer only in the own township, only for a
 * matter in a delegation valid on the day ({@code casework_delegation}), in the delegating agency's name under 委托
 * and in the township's own name under 赋权.
 */
@Component
class DelegationTableAuthority implements ActingAuthority {

    private final JdbcTemplate jdbc;
    private final AgencyRepository agencies;
    private final TownshipRepository townships;

    DelegationTableAuthority(JdbcTemplate jdbc, AgencyRepository agencies, TownshipRepository townships) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.townships = townships;
    }

    @Override
    public Optional<Authority> authorityFor(CurrentUser user, String matterCode, Long townshipId, LocalDate on) {
        if (!user.has(Role.TOWNSHIP_ENFORCER)) {
            return agencies.findById(user.agencyId())
                    .map(a -> new Authority(Mode.OWN, a.getId(), a.getName(), "本机关执法"));
        }
        if (user.townshipId() == null || !user.townshipId().equals(townshipId)) {
            return Optional.empty();
        }
        List<Authority> found = jdbc.query("""
                SELECT kind, delegating_agency_id, matters, source FROM casework_delegation
                WHERE township_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)""",
                (rs, i) -> {
                    boolean covers = Arrays.stream(rs.getString(3).split("[,，\\s]+")).anyMatch(matterCode::equals);
                    if (!covers) {
                        return null;
                    }
                    Mode mode = Mode.valueOf(rs.getString(1));
                    long agencyId = rs.getLong(2);
                    String name = mode == Mode.EMPOWERED
                            ? townships.findById(townshipId).map(t -> t.getName()).orElse("")
                            : agencies.findById(agencyId).map(a -> a.getName()).orElse("");
                    return new Authority(mode, agencyId, name, rs.getString(4));
                }, townshipId, on, on);
        return found.stream().filter(a -> a != null).findFirst();
    }
}

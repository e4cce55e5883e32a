package cn.yjzf.casework;

import cn.yjzf.organisation.CurrentUser;
import java.time.LocalDate;
import java.util.Optional;

/**
 * May this user act on this matter in this township on this date, and in whose name? The organisation module will
 * answer this from its delegation catalogue; {@link DelegationTableAuthority} is the stand-in over a small table.
 */
public interface ActingAuthority {

    enum Mode {
        /** The agency's own officers, in the agency's name. */
        OWN,
        /** 委托 (行政处罚法第二十条): the township acts in the delegating agency's name; tiers 2–3 at that agency. */
        ENTRUSTED,
        /** 赋权 (第二十四条): the township decides in its own name. */
        EMPOWERED
    }

    record Authority(Mode mode, Long agencyId, String issuingName, String basis) {
    }

    /** Empty when the user may not act on the matter there and then (outside the delegation or after it expired). */
    Optional<Authority> authorityFor(CurrentUser user, String matterCode, Long townshipId, LocalDate on);
}

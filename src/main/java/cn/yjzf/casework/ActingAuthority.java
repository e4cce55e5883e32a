package cn.yjzf.casework;

import cn.yjzf.organisation.CurrentUser;
import java.time.LocalDate;

/**
 * May this user act on this matter in this township on this date, and in whose name? Answered from the organisation's
 * 委托书 / 赋权 decisions ({@link DelegatedAuthority}).
 */
public interface ActingAuthority {

    enum Mode {
        /** The agency's own officers, in the agency's name. */
        OWN,
        /** 委托 (行政处罚法第二十条): the township acts in the delegating agency's name; tiers 2–3 at that agency. */
        ENTRUSTED,
        /** 赋权 (第二十四条): the township decides in its own name, its own reviewers and approvers. */
        EMPOWERED
    }

    /** Who acts and in whose name; {@code basis} names the document (委托书 / 赋权决定文号) and its validity. */
    record Authority(Mode mode, Long agencyId, String issuingName, String basis) {
    }

    /** The authority, or why there is none: a stable {@code code} and a Chinese {@code message}. */
    record Verdict(Authority authority, String code, String message) {
        public boolean allowed() {
            return authority != null;
        }
    }

    Verdict verdict(CurrentUser user, String matterCode, Long townshipId, LocalDate on);
}

package cn.yjzf.casework;

import cn.yjzf.organisation.CurrentUser;

/**
 * Who reviews and decides a case (立案审批, the three tiers, 结案审批, 移送审批, reassigning): under 赋权 (行政处罚法第二十四条)
 * the township itself, by its own users holding the reviewing roles, in its own name; otherwise (own cases and 委托,
 * 第二十条) the agency, by its users who belong to no township. So an agency reviewer never sees an 赋权 township's
 * review tasks, and a township's reviewer never sees the agency's.
 */
final class DecidingBody {

    private DecidingBody() {
    }

    static boolean decidedInTownship(PenaltyCase c) {
        return ActingAuthority.Mode.EMPOWERED.name().equals(c.getActingMode()) && c.getTownshipId() != null;
    }

    /** Whether a user with a township ({@code townshipId}) or without one belongs to the case's deciding body. */
    static boolean includes(Long userTownshipId, PenaltyCase c) {
        return decidedInTownship(c) ? c.getTownshipId().equals(userTownshipId) : userTownshipId == null;
    }

    static boolean includes(CurrentUser user, PenaltyCase c) {
        return includes(user.townshipId(), c);
    }

    /** The refusal for someone outside it, in Chinese. */
    static String refusal(PenaltyCase c) {
        return decidedInTownship(c)
                ? "本案为赋权案件，由乡镇（街道）自己的审核、审批人员办理（行政处罚法第二十四条）"
                : "本案的审核、审批由机关办理，乡镇（街道）人员不能办理";
    }
}

package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.PartyType;
import cn.yjzf.organisation.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The stored 裁量 proposal a case is submitted with (penalty module, {@code POST /api/penalty-proposals}), as the
 * 案件处理呈批 needs it: one line per violation, with the suggested fine, the band for the party and the reasoning.
 */
public interface PenaltyProposals {

    record Proposal(String ref, Long agencyId, List<Line> lines) {
    }

    record Line(String violationCode, String penalty, BigDecimal suggestedFine, BigDecimal bandMin, BigDecimal bandMax,
                String reasoning) {
    }

    /** The proposal within the user's jurisdiction; empty when it does not exist or is out of scope. */
    Optional<Proposal> find(CurrentUser user, String ref, PartyType partyType);
}

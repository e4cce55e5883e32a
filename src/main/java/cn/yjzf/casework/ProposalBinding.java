package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.Outcome;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.organisation.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * 案件处理呈批 with a penalty references a stored penalty proposal of the case's agency whose violations include the
 * case's matter; the penalty, band and reasoning are taken from it and whatever the browser sent for them is ignored.
 * The handlers may choose a fine (default: the proposal's suggestion); one outside the proposal's band is a deviation
 * that the procedure rules let through only with a reason, and the case page highlights it.
 */
@Component
class ProposalBinding {

    private final PenaltyProposals proposals;

    ProposalBinding(PenaltyProposals proposals) {
        this.proposals = proposals;
    }

    CaseCommand bind(CurrentUser user, PenaltyCase c, CaseCommand cmd) {
        Outcome outcome = cmd.outcome() == null ? Outcome.PENALTY : cmd.outcome();
        if (outcome != Outcome.PENALTY) {
            return cmd.withProposal(null, cmd.penalty(), cmd.fine(), null, null, cmd.reasoning());
        }
        if (cmd.proposalRef() == null || cmd.proposalRef().isBlank()) {
            throw new InvalidInputException("proposalRef", "REQUIRED",
                    "请填写处罚建议编号（先在“行政处罚裁量”中计算并保存本案违法行为的处罚建议）");
        }
        PenaltyProposals.Proposal p = proposals.find(user, cmd.proposalRef(), c.getPartyType())
                .filter(found -> found.agencyId().equals(c.getAgencyId()))
                .orElseThrow(() -> new InvalidInputException("proposalRef", "PROPOSAL_NOT_FOUND",
                        "处罚建议不存在或不属于本机关"));
        PenaltyProposals.Line line = p.lines().stream().filter(l -> l.violationCode().equals(c.getMatterCode())).findFirst()
                .orElseThrow(() -> new InvalidInputException("proposalRef", "PROPOSAL_VIOLATION_MISMATCH",
                        "处罚建议#" + p.ref() + "中没有本案的违法行为（" + c.getMatterCode() + "）"));
        return cmd.withProposal(p.ref(), line.penalty(), cmd.fine() != null ? cmd.fine() : line.suggestedFine(),
                line.bandMin(), line.bandMax(), line.reasoning());
    }
}

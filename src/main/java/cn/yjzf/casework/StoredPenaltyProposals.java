package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.PartyType;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.penalty.PenaltyProposal;
import cn.yjzf.penalty.PenaltyProposalService;
import cn.yjzf.penalty.ProposalResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link PenaltyProposals} over the penalty module's stored proposals: the applied 从旧兼从轻 computation of each
 * violation (combined-away items of 第二十九条 left out), its range for the party type and its reasoning — rule set and
 * 基准 versions, 基准 row (tier), fired rules and reasons — so that the case never retypes them.
 */
@Component
class StoredPenaltyProposals implements PenaltyProposals {

    private static final int REASONING_MAX = 2000;

    private final PenaltyProposalService proposals;

    StoredPenaltyProposals(PenaltyProposalService proposals) {
        this.proposals = proposals;
    }

    @Override
    public Optional<Proposal> find(CurrentUser user, String ref, PartyType partyType) {
        Long id = parse(ref);
        if (id == null) {
            return Optional.empty();
        }
        PenaltyProposal stored;
        ProposalResult result;
        try {
            stored = proposals.stored(user, id);
            result = proposals.get(user, id);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        for (ProposalResult.ViolationProposal v : result.violations()) {
            if (!v.combinedAway()) {
                lines.add(line(id, v, partyType));
            }
        }
        return Optional.of(new Proposal(String.valueOf(id), stored.getAgencyId(), lines));
    }

    private static Line line(Long id, ProposalResult.ViolationProposal v, PartyType partyType) {
        ProposalResult.Computation c = v.appliedComputation();
        boolean person = partyType == PartyType.INDIVIDUAL && c.personRange() != null;
        ProposalResult.Range band = person ? c.personRange() : c.unitRange();
        Long suggested = person ? c.suggestedPerson() : c.suggestedUnit();
        List<String> parts = new ArrayList<>();
        if (band != null) {
            parts.add("罚款");
        }
        parts.addAll(c.measures());
        String penalty = parts.isEmpty() ? "按处罚建议#" + id : String.join("；", parts);
        String reasoning = "处罚建议#" + id + "：" + v.title() + "（违法依据" + v.dutyArticle() + "，处罚依据" + v.penaltyArticle()
                + "）；适用" + ("decisionDate".equals(v.applied()) ? "作出决定时" : "违法行为发生时") + "的规定（" + v.appliedReason()
                + "）；规则集 " + c.ruleSet() + "；裁量基准 " + c.tableLabel() + "（" + c.table() + "）"
                + (c.tier() == null ? "" : "，基准阶次：" + c.tier())
                + (c.discretion() == null ? "" : "，裁量：" + c.discretion())
                + (band == null ? "" : "；建议区间 " + band.text())
                + "；命中规则：" + String.join("、", c.firedRules())
                + (c.reasons().isEmpty() ? "" : "；理由：" + String.join("；", c.reasons()));
        if (reasoning.length() > REASONING_MAX) {
            reasoning = reasoning.substring(0, REASONING_MAX - 1) + "…";
        }
        return new Line(v.violationCode(), penalty, suggested == null ? null : BigDecimal.valueOf(suggested),
                band == null ? null : BigDecimal.valueOf(band.min()), band == null ? null : BigDecimal.valueOf(band.max()),
                reasoning);
    }

    private static Long parse(String ref) {
        if (ref == null) {
            return null;
        }
        String digits = ref.trim().startsWith("#") ? ref.trim().substring(1) : ref.trim();
        try {
            return Long.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

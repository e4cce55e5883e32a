package cn.yjzf.penalty;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.StoredJudgment;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Jurisdiction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Proposals within the caller's jurisdiction: compute and store, read, decide (checked and flagged), open from a hazard. */
@Service
public class PenaltyProposalService {

    /** What a decision stored: the checked lines and whether reviewers must look at a deviation. */
    public record Decision(Long proposalId, long version, boolean flagged, List<DecisionCheck.Line> lines) {
    }

    private final PenaltyProposalRepository proposals;
    private final PenaltyThresholdRepository thresholds;
    private final DiscretionTableService tables;
    private final InspectionService inspections;
    private final PenaltyRules rules;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final ProposalCalculator calculator;

    private final cn.yjzf.common.AppTime time;

    PenaltyProposalService(PenaltyProposalRepository proposals, PenaltyThresholdRepository thresholds,
            DiscretionTableService tables, InspectionService inspections, PenaltyRules rules, AuditTrail audit,
            ObjectMapper json, cn.yjzf.common.AppTime time) {
        this.time = time;
        this.proposals = proposals;
        this.thresholds = thresholds;
        this.tables = tables;
        this.inspections = inspections;
        this.rules = rules;
        this.audit = audit;
        this.json = json;
        this.calculator = new ProposalCalculator(rules);
    }

    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Transactional
    public ProposalResult propose(CurrentUser user, ProposalRequest request) {
        ProposalResult r = calculator.calculate(request, tables.published(user.agencyId()),
                thresholds.findByAgencyId(user.agencyId()));
        Jurisdiction j = user.jurisdiction();
        PenaltyProposal p = proposals.saveAndFlush(new PenaltyProposal(j.agencyId(), j.townshipId(), user.username(),
                Instant.now(), request.violationDate(), request.decisionDate(), write(request), write(r), r.rulesVersion()));
        audit.record(user.username(), "PENALTY_PROPOSED", "PenaltyProposal", p.getId(),
                request.violations().size() + " 项违法行为，单位罚款建议合计 " + AmountRange.yuan(r.totalUnitFine())
                        + "；处罚规则 " + r.rulesVersion());
        return withId(r, p);
    }

    @Transactional(readOnly = true)
    public ProposalResult get(CurrentUser user, Long id) {
        PenaltyProposal p = scoped(user, id);
        return withId(read(p.getResultJson(), ProposalResult.class), p);
    }

    @Transactional(readOnly = true)
    public PenaltyProposal stored(CurrentUser user, Long id) {
        return scoped(user, id);
    }

    @Transactional(readOnly = true)
    public List<PenaltyProposal> recent(CurrentUser user) {
        Jurisdiction j = user.jurisdiction();
        return proposals.recent(j.agencyId(), j.townshipId(), PageRequest.of(0, 50));
    }

    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Transactional
    public Decision decide(CurrentUser user, Long id, DecisionRequest request) {
        PenaltyProposal p = scoped(user, id);
        ProposalResult r = read(p.getResultJson(), ProposalResult.class);
        DecisionCheck.Checked checked = DecisionCheck.check(r, request);
        p.decide(request.version(), user.username(), write(checked), checked.flagged(), Instant.now());
        proposals.saveAndFlush(p);
        audit.record(user.username(), checked.flagged() ? "PENALTY_DECIDED_FLAGGED" : "PENALTY_DECIDED", "PenaltyProposal", id,
                checked.lines().stream().map(l -> "第" + (l.index() + 1) + "项 单位" + (l.unitAmount() == null ? "—" : AmountRange.yuan(l.unitAmount()))
                        + " 个人" + (l.personAmount() == null ? "—" : AmountRange.yuan(l.personAmount()))
                        + (l.flags().isEmpty() ? "" : " ⚠" + String.join("；", l.flags()) + "，理由：" + l.reason()))
                        .reduce((a, b) -> a + "；" + b).orElse(""));
        return new Decision(id, p.getVersion(), checked.flagged(), checked.lines());
    }

    /**
     * A proposal request pre-filled from a judged finding: the violations its hazard evidences (by the rules that fired;
     * any hazard not removed → 第一百零二条), dated the inspection day, with 重大事故隐患 carried into the 第一百一十三条 history.
     */
    @Transactional(readOnly = true)
    public ProposalRequest fromFinding(CurrentUser user, Long findingId) {
        StoredJudgment judged = inspections.storedJudgment(user.jurisdiction(), findingId);
        if (judged.engineGrade() == HazardGrade.UNMATCHED) {
            throw new NotFoundException("可据以开案的隐患");
        }
        boolean major = judged.engineGrade() == HazardGrade.MAJOR;
        FrameInput.HistorySpec history = new FrameInput.HistorySpec(major, 0, 0, false, false, false);
        List<ProposalRequest.ViolationRequest> out = new ArrayList<>();
        for (Violation v : rules.current().set().violations()) {
            boolean evidenced = judged.firedRules().stream().anyMatch(v::evidencedBy) || v.evidencedByAnyHazard();
            if (evidenced) {
                out.add(new ProposalRequest.ViolationRequest(v.code(), v.stages().get(0), "隐患#" + findingId, findingId,
                        null, null, null, false, false, false, false, false, null, null, history));
            }
        }
        LocalDate date = judged.facts().inspectionDate();
        return new ProposalRequest(date, time.today(), out);
    }

    private PenaltyProposal scoped(CurrentUser user, Long id) {
        PenaltyProposal p = proposals.findById(id).orElseThrow(() -> new NotFoundException("处罚建议"));
        Jurisdiction j = user.jurisdiction();
        if (!p.getAgencyId().equals(j.agencyId()) || (j.townshipId() != null && !j.townshipId().equals(p.getTownshipId()))) {
            throw new NotFoundException("处罚建议");
        }
        return p;
    }

    private static ProposalResult withId(ProposalResult r, PenaltyProposal p) {
        return new ProposalResult(p.getId(), p.getVersion(), r.violations(), r.totalUnitFine(), r.thresholds(), r.notes(),
                p.getRulesVersion());
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("处罚建议数据损坏", e);
        }
    }
}

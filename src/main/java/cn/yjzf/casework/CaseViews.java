package cn.yjzf.casework;

import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Assembles {@link CaseView}s (read-only, scoped through {@link CaseworkService}). */
@Component
public class CaseViews {

    private final CaseworkService service;
    private final CaseDeadlines deadlines;
    private final AppUserRepository users;

    private final cn.yjzf.common.AppTime time;

    CaseViews(CaseworkService service, CaseDeadlines deadlines, AppUserRepository users, cn.yjzf.common.AppTime time) {
        this.time = time;
        this.service = service;
        this.deadlines = deadlines;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public CaseView of(CurrentUser user, Long id) {
        LocalDate today = time.today();
        PenaltyCase c = service.get(user, id);
        CaseTask t = service.openTask(user, id);
        List<Stage> path = c.path();
        List<String> returnTargets = c.getStage().isReview()
                ? path.subList(0, path.indexOf(c.getStage())).stream().map(Stage::name).toList() : List.of();
        boolean deviates = c.getProposedFine() != null && ((c.getBandMin() != null && c.getProposedFine().compareTo(c.getBandMin()) < 0)
                || (c.getBandMax() != null && c.getProposedFine().compareTo(c.getBandMax()) > 0));
        return new CaseView(c.getId(), c.getVersion(), c.getStage().name(), c.getStage().label(), c.getProcedure().name(),
                c.getPartyName(), c.getPartyType().label(), c.getMatterCode(), c.getCause(), c.getActingMode(),
                c.getIssuingName(), c.getOutcome() == null ? null : c.getOutcome().label(), c.getProposedPenalty(),
                c.getProposedFine(), c.getBandMin(), c.getBandMax(), deviates, c.getDeviationReason(),
                c.getProposalReasoning(), c.getNoticedFine(), c.isLegalReviewRequired(), c.isCollectiveRequired(),
                c.isHearingQualifies(), c.getFiledOn(), c.getDecidedOn(), c.getClosedOn(), c.isCriminalFlag(),
                c.getCriminalTrigger(), c.getTransferDecision() == null ? null : c.getTransferDecision().name(),
                c.tiers().stream().map(Stage::name).toList(), returnTargets, task(c, t),
                service.history(user, id).stream().map(s -> new CaseView.Step(s.getAt(), s.getAction(),
                        s.getFromStage() == null ? null : s.getFromStage().label(), s.getToStage().label(),
                        s.getActorName(), s.getActorRole(), s.getReason(), s.getRulesVersion())).toList(),
                service.acts(user, id).stream().map(a -> new CaseView.Act(a.getKind().label(), a.getPerformedOn(),
                        a.getSummary(), a.getOfficerIds())).toList(),
                deadlines.of(c, today), service.missingForNextStep(user, id, today));
    }

    private CaseView.Task task(PenaltyCase c, CaseTask t) {
        if (t == null) {
            return null;
        }
        return new CaseView.Task(t.getId(), t.getVersion(), t.getStage().name(), t.getStage().label(), holder(c, t), t.getDueOn());
    }

    /** Who holds the task now: the assignee, or the role's queue, or the handlers. */
    public String holder(PenaltyCase c, CaseTask t) {
        if (t.getAssigneeId() != null) {
            return users.findById(t.getAssigneeId()).map(AppUser::getFullName).orElse("") + "（改派）";
        }
        if (CaseTask.HANDLERS.equals(t.getRole())) {
            return "承办人：" + String.join("、", c.getHandlerIds().stream()
                    .map(h -> users.findById(h).map(AppUser::getFullName).orElse("#" + h)).toList());
        }
        String role = Role.valueOf(t.getRole()).label();
        return DecidingBody.decidedInTownship(c) ? role + "（" + c.getIssuingName() + "，赋权）" : role;
    }
}

package cn.yjzf.casework;

import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.organisation.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** For other features' tests: a bureau with a case taken through the whole general procedure to 已结案. */
@Component
public class ClosedCases {

    public record Closed(Long caseId, Long agencyId, CurrentUser officer, CurrentUser officer2, CurrentUser approver,
                         CurrentUser unitHead) {
    }

    private final CaseFixtures fx;
    private final CaseworkService service;

    ClosedCases(CaseFixtures fx, CaseworkService service) {
        this.fx = fx;
        this.service = service;
    }

    /** 立案 → 勘验 → 不予处罚 through the three tiers → 结案, on 2026-02 dates. */
    public Closed closed() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = open(o);
        c = service.perform(o.officer(), c.getId(), CaseWorkflowTest.cmd(Action.CONCLUDE_INVESTIGATION, c));
        CaseCommand noPenalty = new CaseCommand(Action.SUBMIT, c.getVersion(), "违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）",
                null, null, CaseEnums.Outcome.NO_PENALTY, null, null, null, null, null, null, null, true, null, null,
                null, null, null, null, null);
        c = service.perform(o.officer(), c.getId(), noPenalty);
        for (CurrentUser tier : List.of(o.unitHead(), o.reviewer(), o.approver(), o.approver())) {
            c = service.perform(tier, c.getId(), CaseWorkflowTest.cmd(Action.APPROVE, c));
        }
        if (c.getStage() != Stage.CLOSED) {
            throw new IllegalStateException("case not closed: " + c.getStage());
        }
        return new Closed(c.getId(), c.getAgencyId(), o.officer(), o.officer2(), o.approver(), o.unitHead());
    }

    /** A case still under investigation, with one 勘验笔录. */
    public Closed open() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = open(o);
        return new Closed(c.getId(), c.getAgencyId(), o.officer(), o.officer2(), o.approver(), o.unitHead());
    }

    private PenaltyCase open(CaseFixtures.Office o) {
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), CaseWorkflowTest.MATTER));
        c = service.perform(o.officer(), c.getId(), CaseWorkflowTest.cmd(Action.SUBMIT_FILING, c));
        c = service.perform(o.approver(), c.getId(), CaseWorkflowTest.on(Action.APPROVE, c, CaseWorkflowTest.FILED));
        service.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.SITE_EXAMINATION, CaseWorkflowTest.FILED.plusDays(1),
                "勘验现场：煤磨车间可燃气体报警装置未设置", List.of(o.officer().id(), o.officer2().id())));
        return service.get(o.officer(), c.getId());
    }
}

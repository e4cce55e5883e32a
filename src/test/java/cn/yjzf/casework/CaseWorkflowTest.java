package cn.yjzf.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.common.ConflictException;
import cn.yjzf.organisation.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** The case aggregate through its whole life: order of steps, tiers, returns, rules, history and audit. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:casework;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
class CaseWorkflowTest {

    static final String MATTER = "AQF-102";
    static final LocalDate FILED = LocalDate.of(2026, 2, 2);

    @Autowired CaseworkService service;
    @Autowired CaseFixtures fx;
    @Autowired AuditTrail audit;
    @Autowired cn.yjzf.audit.ChainVerifier chain;

    private PenaltyCase step(CurrentUser u, PenaltyCase c, CaseCommand cmd) {
        return service.perform(u, c.getId(), cmd);
    }

    static CaseCommand cmd(Action a, PenaltyCase c) {
        return CaseCommand.of(a, c.getVersion());
    }

    static CaseCommand on(Action a, PenaltyCase c, LocalDate on) {
        return new CaseCommand(a, c.getVersion(), null, on, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** 案件处理呈批 with stored proposal {@code ref}; penalty, band and reasoning sent here are ignored (taken from it). */
    static CaseCommand submit(PenaltyCase c, String ref, String fine, boolean legal) {
        return new CaseCommand(Action.SUBMIT, c.getVersion(), null, FILED.plusDays(5), null, null, ref, "浏览器改写的处罚",
                new BigDecimal(fine), new BigDecimal("0"), new BigDecimal("99999999"), "浏览器改写的理由", null,
                legal, false, true, null, null, null, null, null);
    }

    static CaseCommand returnTo(PenaltyCase c, Stage target, String reason) {
        return new CaseCommand(Action.RETURN, c.getVersion(), reason, null, target, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    /** Opens a case and brings it to the given stage of the review (first tier). */
    PenaltyCase toReview(CaseFixtures.Office o) {
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), MATTER));
        c = step(o.officer(), c, cmd(Action.SUBMIT_FILING, c));
        c = step(o.approver(), c, on(Action.APPROVE, c, FILED));
        service.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.INTERROGATION, FILED.plusDays(1),
                "询问当事人", List.of(o.officer().id(), o.officer2().id())));
        c = step(o.officer(), c, cmd(Action.CONCLUDE_INVESTIGATION, c));
        return step(o.officer(), c, submit(c, fx.proposal(o.officer(), MATTER), "30000", true));
    }

    /** Through all three tiers, 告知书 served on Thu 2026-02-12 (just before 春节). */
    PenaltyCase noticeServedOn12February(CaseFixtures.Office o) {
        PenaltyCase c = toReview(o);
        c = step(o.unitHead(), c, cmd(Action.APPROVE, c));
        c = step(o.reviewer(), c, cmd(Action.APPROVE, c));
        c = step(o.approver(), c, cmd(Action.APPROVE, c));
        return step(o.officer(), c, on(Action.SERVE_NOTICE, c, LocalDate.of(2026, 2, 12)));
    }

    @Test
    void aCaseGoesFromFilingToClosingThroughAllThreeTiersKeepingAReturnInItsHistory() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = toReview(o);
        assertThat(c.getStage()).isEqualTo(Stage.TIER_UNIT);
        assertThat(c.getFiledOn()).isEqualTo(FILED);
        assertThat(c.getHandlingDeadline()).isEqualTo(FILED.plusDays(90));
        c = step(o.unitHead(), c, cmd(Action.APPROVE, c));
        assertThat(c.getStage()).isEqualTo(Stage.TIER_LEGAL);
        c = step(o.reviewer(), c, returnTo(c, Stage.HANDLING, "证据清单缺少现场照片"));
        assertThat(c.getStage()).isEqualTo(Stage.HANDLING);
        c = step(o.officer(), c, submit(c, fx.proposal(o.officer(), MATTER), "30000", true));
        c = step(o.unitHead(), c, cmd(Action.APPROVE, c));
        c = step(o.reviewer(), c, cmd(Action.APPROVE, c));
        assertThat(c.isLegalReviewDone()).isTrue();
        c = step(o.approver(), c, cmd(Action.APPROVE, c));
        assertThat(c.getStage()).isEqualTo(Stage.NOTICE);
        c = step(o.officer(), c, on(Action.SERVE_NOTICE, c, LocalDate.of(2026, 2, 12)));
        CaseCommand waive = new CaseCommand(Action.CONCLUDE_STATEMENT, c.getVersion(), "当事人书面放弃陈述申辩和听证",
                LocalDate.of(2026, 2, 13), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, true, null, null);
        c = step(o.officer(), c, waive);
        assertThat(c.getStage()).isEqualTo(Stage.DECISION);
        c = step(o.officer2(), c, on(Action.DECIDE, c, LocalDate.of(2026, 2, 24)));
        c = step(o.officer(), c, on(Action.SERVE_DECISION, c, LocalDate.of(2026, 2, 25)));
        CaseCommand pay = new CaseCommand(Action.RECORD_PAYMENT, c.getVersion(), null, LocalDate.of(2026, 3, 2), null,
                null, null, null, null, null, null, null, null, null, null, null, null, new BigDecimal("30000"), null,
                null, null);
        c = step(o.officer(), c, pay);
        c = step(o.officer(), c, cmd(Action.REQUEST_CLOSING, c));
        c = step(o.approver(), c, on(Action.APPROVE, c, LocalDate.of(2026, 3, 3)));
        assertThat(c.getStage()).isEqualTo(Stage.CLOSED);

        List<CaseTransition> history = service.history(o.officer(), c.getId());
        assertThat(history).extracting(CaseTransition::getAction).containsSubsequence("OPEN", "SUBMIT_FILING", "APPROVE",
                "CONCLUDE_INVESTIGATION", "SUBMIT", "APPROVE", "RETURN", "SUBMIT", "APPROVE", "APPROVE", "APPROVE",
                "SERVE_NOTICE", "CONCLUDE_STATEMENT", "DECIDE", "SERVE_DECISION", "RECORD_PAYMENT", "REQUEST_CLOSING", "APPROVE");
        CaseTransition ret = history.stream().filter(h -> h.getAction().equals("RETURN")).findFirst().orElseThrow();
        assertThat(ret.getReason()).contains("证据清单缺少现场照片");
        assertThat(ret.getActorRole()).isEqualTo("法制审核人员");
        assertThat(ret.getFromStage()).isEqualTo(Stage.TIER_LEGAL);
        assertThat(audit.of("PenaltyCase", c.getId())).extracting(e -> e.getAction())
                .contains("CASE_OPEN", "CASE_RETURN", "CASE_DECIDE", "CASE_APPROVE");
        assertThat(chain.verify().intact()).isTrue();
        assertThat(service.openTask(o.officer(), c.getId())).isNull();
    }

    @Test
    void stepsOutOfOrderAreRefusedNamingTheStepAndWrongPeopleAreRefusedAndAudited() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = toReview(o);
        PenaltyCase current = c;
        assertThatThrownBy(() -> step(o.officer(), current, cmd(Action.DECIDE, current)))
                .isInstanceOf(ProcedureViolation.class).hasMessageContaining("审核（执法机构负责人）")
                .hasMessageContaining("缺少“法制审核”").hasMessageContaining("第五十八条")
                .hasMessageContaining("缺少“行政处罚告知”");
        assertThatThrownBy(() -> step(o.officer(), current, cmd(Action.SERVE_DECISION, current)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("应处于“送达”");
        // the approver cannot take the unit head's tier, the handler cannot approve at all
        assertThatThrownBy(() -> step(o.approver(), current, cmd(Action.APPROVE, current)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("执法机构负责人");
        assertThatThrownBy(() -> step(o.officer(), current, cmd(Action.APPROVE, current)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audit.of("PenaltyCase", c.getId())).extracting(e -> e.getAction()).contains("CASE_STEP_FORBIDDEN");
        assertThat(service.get(o.officer(), c.getId()).getStage()).isEqualTo(Stage.TIER_UNIT);
    }

    @Test
    void aHeavierPenaltyAfterTheStatementIsRefusedAndALighterOneGoesBackThroughReview() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = noticeServedOn12February(o);
        // 2026-02-12 + 5 working days across 春节 (02-14 is a 调休 working day, 02-15..02-23 off) = 2026-02-26
        PenaltyCase late = c;
        assertThatThrownBy(() -> step(o.officer(), late, on(Action.REQUEST_HEARING, late, LocalDate.of(2026, 2, 27))))
                .isInstanceOf(ProcedureViolation.class).hasMessageContaining("第六十四条");
        c = step(o.officer(), c, on(Action.REQUEST_HEARING, c, LocalDate.of(2026, 2, 26)));
        PenaltyCase noHearing = c;
        assertThatThrownBy(() -> step(o.officer(), noHearing, conclude(noHearing, "30000")))
                .isInstanceOf(ProcedureViolation.class).hasMessageContaining("听证");
        c = step(o.officer(), c, on(Action.RECORD_HEARING, c, LocalDate.of(2026, 3, 10)));
        PenaltyCase heard = c;
        assertThatThrownBy(() -> step(o.officer(), heard, conclude(heard, "40000")))
                .isInstanceOf(ProcedureViolation.class)
                .satisfies(e -> assertThat(((ProcedureViolation) e).missing()).extracting(m -> m.rule())
                        .containsExactly("PROC-45-NOT-HEAVIER"));
        c = step(o.officer(), c, conclude(c, "20000"));
        assertThat(c.getStage()).isEqualTo(Stage.TIER_UNIT);
        assertThat(c.getProposedFine()).isEqualByComparingTo("20000");
        assertThat(c.isLegalReviewDone()).isFalse();
    }

    private static CaseCommand conclude(PenaltyCase c, String fine) {
        return new CaseCommand(Action.CONCLUDE_STATEMENT, c.getVersion(), "听取申辩", LocalDate.of(2026, 3, 11), null, null,
                null, "罚款", new BigDecimal(fine), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aCaseFlaggedAsSuspectedCrimeCannotBeClosedWithAFineAloneBeforeTheTransferDecision() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = service.open(o.officer(), new NewCase(null, "个体户王某", CaseEnums.PartyType.INDIVIDUAL, MATTER,
                null, CaseEnums.Source.HAZARD, null, "当场处罚", List.of(o.officer().id()), CaseEnums.Procedure.SUMMARY,
                "罚款", new BigDecimal("200"), LocalDate.of(2026, 3, 1)));
        assertThat(c.getStage()).isEqualTo(Stage.EXECUTION);
        CaseCommand flag = new CaseCommand(Action.FLAG_CRIMINAL, c.getVersion(), "复查发现拒不执行停产停业决定（刑法第一百三十四条之一（二））",
                LocalDate.of(2026, 3, 1), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        c = step(o.officer(), c, flag);
        CaseCommand pay = new CaseCommand(Action.RECORD_PAYMENT, c.getVersion(), null, LocalDate.of(2026, 3, 1), null,
                null, null, null, null, null, null, null, null, null, null, null, null, new BigDecimal("200"), null, null, null);
        c = step(o.officer(), c, pay);
        PenaltyCase flagged = c;
        assertThatThrownBy(() -> step(o.officer(), flagged, cmd(Action.REQUEST_CLOSING, flagged)))
                .isInstanceOf(ProcedureViolation.class).hasMessageContaining("国务院令第310号");
        CaseCommand decide = new CaseCommand(Action.DECIDE_TRANSFER, c.getVersion(), "已核实，批准移送公安机关",
                LocalDate.of(2026, 3, 2), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, CaseEnums.TransferDecision.TRANSFER, null);
        assertThatThrownBy(() -> step(o.officer(), flagged, decide)).isInstanceOf(AccessDeniedException.class);
        c = step(o.approver(), c, decide);
        c = step(o.officer(), c, cmd(Action.REQUEST_CLOSING, c));
        assertThat(c.getStage()).isEqualTo(Stage.CLOSING_REVIEW);
    }

    @Test
    void summaryProcedureIsLimitedToTheStatutoryAmounts() {
        CaseFixtures.Office o = fx.office();
        NewCase tooMuch = new NewCase(null, "某公司", CaseEnums.PartyType.ORGANISATION, MATTER, null,
                CaseEnums.Source.HAZARD, null, "当场处罚", List.of(o.officer().id()), CaseEnums.Procedure.SUMMARY, "罚款",
                new BigDecimal("3000.01"), LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> service.open(o.officer(), tooMuch)).isInstanceOf(ProcedureViolation.class)
                .hasMessageContaining("第五十一条");
        NewCase ok = new NewCase(null, "某公司", CaseEnums.PartyType.ORGANISATION, MATTER, null, CaseEnums.Source.HAZARD,
                null, "当场处罚", List.of(o.officer().id()), CaseEnums.Procedure.SUMMARY, "罚款", new BigDecimal("3000"),
                LocalDate.of(2026, 3, 1));
        assertThat(service.open(o.officer(), ok).getDecidedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void theLegalReviewerMayNotBeAHandlerAndNoPenaltyGoesThroughTheSameReview() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), MATTER));
        c = step(o.officer(), c, cmd(Action.SUBMIT_FILING, c));
        c = step(o.approver(), c, on(Action.APPROVE, c, FILED));
        PenaltyCase noActs = c;
        assertThatThrownBy(() -> step(o.officer(), noActs, cmd(Action.CONCLUDE_INVESTIGATION, noActs)))
                .isInstanceOf(ProcedureViolation.class).hasMessageContaining("调查取证");
        service.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.SITE_EXAMINATION, FILED.plusDays(1),
                "勘验现场", List.of(o.officer().id(), o.officer2().id())));
        c = step(o.officer(), c, cmd(Action.CONCLUDE_INVESTIGATION, c));
        CaseCommand noPenalty = new CaseCommand(Action.SUBMIT, c.getVersion(), "违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）",
                null, null, CaseEnums.Outcome.NO_PENALTY, null, null, null, null, null, null, null, true, null, null,
                null, null, null, null, null);
        c = step(o.officer(), c, noPenalty);
        c = step(o.unitHead(), c, cmd(Action.APPROVE, c));
        c = step(o.reviewer(), c, cmd(Action.APPROVE, c));
        c = step(o.approver(), c, cmd(Action.APPROVE, c));
        assertThat(c.getStage()).isEqualTo(Stage.CLOSING_REVIEW);
        c = step(o.approver(), c, cmd(Action.APPROVE, c));
        assertThat(c.getStage()).isEqualTo(Stage.CLOSED);
    }

    @Autowired CaseDeadlines deadlines;

    @Test
    void theUnitHeadReassignsATaskWithAReasonAndOnlyTheAssigneeMayThenActOnIt() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), MATTER));
        c = step(o.officer(), c, cmd(Action.SUBMIT_FILING, c));
        assertThat(service.myTasks(o.approver())).extracting(CaseTask::getCaseId).contains(c.getId());
        CaseCommand noReason = new CaseCommand(Action.REASSIGN, c.getVersion(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, o.approver2().id());
        PenaltyCase current = c;
        assertThatThrownBy(() -> step(o.unitHead(), current, noReason)).isInstanceOf(cn.yjzf.common.InvalidInputException.class);
        CaseCommand reassign = new CaseCommand(Action.REASSIGN, c.getVersion(), "赵振华出差，改由副局长审批", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, o.approver2().id());
        assertThatThrownBy(() -> step(o.officer(), current, reassign)).isInstanceOf(AccessDeniedException.class);
        c = step(o.unitHead(), c, reassign);
        assertThat(service.myTasks(o.approver())).extracting(CaseTask::getCaseId).doesNotContain(c.getId());
        assertThat(service.myTasks(o.approver2())).extracting(CaseTask::getCaseId).contains(c.getId());
        PenaltyCase reassigned = c;
        assertThatThrownBy(() -> step(o.approver(), reassigned, cmd(Action.APPROVE, reassigned)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("改派");
        c = step(o.approver2(), c, cmd(Action.APPROVE, c));
        assertThat(c.getStage()).isEqualTo(Stage.INVESTIGATION);
        assertThat(service.history(o.officer(), c.getId())).extracting(CaseTransition::getReason)
                .anyMatch(r -> r != null && r.contains("赵振华出差"));
    }

    @Test
    void deadlinesUseTheWorkingDayCalendarAndFlagOverdueSteps() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = noticeServedOn12February(o);
        List<CaseDeadlines.Deadline> list = deadlines.of(c, LocalDate.of(2026, 2, 25));
        CaseDeadlines.Deadline hearing = list.stream().filter(d -> d.label().equals("听证申请期限")).findFirst().orElseThrow();
        assertThat(hearing.due()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(hearing.workingDays()).isTrue();
        assertThat(hearing.status()).isEqualTo(CaseDeadlines.Status.DUE_SOON);
        CaseDeadlines.Deadline handling = list.stream().filter(d -> d.label().startsWith("办案期限")).findFirst().orElseThrow();
        assertThat(handling.due()).isEqualTo(LocalDate.of(2026, 5, 3));
        assertThat(deadlines.of(c, LocalDate.of(2026, 5, 4))).filteredOn(d -> d.label().startsWith("办案期限"))
                .extracting(CaseDeadlines.Deadline::status).containsExactly(CaseDeadlines.Status.OVERDUE);
        // the open task (陈述申辩/听证) is due at the end of the hearing window
        assertThat(service.openTask(o.officer(), c.getId()).getDueOn()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(CaseDeadlines.lateFee(new BigDecimal("1000"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11)))
                .isEqualByComparingTo("300");
        assertThat(CaseDeadlines.lateFee(new BigDecimal("1000"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1)))
                .isEqualByComparingTo("1000");
    }
}

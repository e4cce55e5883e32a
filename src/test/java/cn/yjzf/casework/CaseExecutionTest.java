package cn.yjzf.casework;

import static cn.yjzf.casework.CaseWorkflowTest.FILED;
import static cn.yjzf.casework.CaseWorkflowTest.MATTER;
import static cn.yjzf.casework.CaseWorkflowTest.cmd;
import static cn.yjzf.casework.CaseWorkflowTest.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.audit.AuditEvent;
import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.casework.ExecutionCommands.ArrangementRequest;
import cn.yjzf.casework.ExecutionCommands.CourtApplicationRequest;
import cn.yjzf.casework.ExecutionCommands.DecisionRequest;
import cn.yjzf.casework.ExecutionCommands.DemandRequest;
import cn.yjzf.casework.ExecutionCommands.ExtensionRequest;
import cn.yjzf.casework.ExecutionCommands.Instalment;
import cn.yjzf.casework.ExecutionCommands.InstalmentPayment;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** 办案期限 extension, 延期/分期 payment with 加处罚款, 催告 and the court application, through the service. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:caseexec;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false", "app.casework.handling-extension.max-days=60"})
class CaseExecutionTest {

    static final LocalDate SERVED = LocalDate.of(2026, 2, 25);

    @Autowired CaseworkService service;
    @Autowired CaseExecution execution;
    @Autowired CaseViews views;
    @Autowired CaseFixtures fx;
    @Autowired AuditTrail audit;

    private PenaltyCase step(cn.yjzf.organisation.CurrentUser u, PenaltyCase c, CaseCommand cmd) {
        return service.perform(u, c.getId(), cmd);
    }

    private PenaltyCase investigating(CaseFixtures.Office o) {
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), MATTER));
        c = step(o.officer(), c, cmd(Action.SUBMIT_FILING, c));
        return step(o.approver(), c, on(Action.APPROVE, c, FILED));
    }

    /** A fine of 30000 decided and served on 2026-02-25 (payment due 2026-03-12). */
    private PenaltyCase served(CaseFixtures.Office o) {
        PenaltyCase c = investigating(o);
        service.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.INTERROGATION, FILED.plusDays(1),
                "询问当事人", List.of(o.officer().id(), o.officer2().id())));
        c = step(o.officer(), c, cmd(Action.CONCLUDE_INVESTIGATION, c));
        c = step(o.officer(), c, CaseWorkflowTest.submit(c, fx.proposal(o.officer(), CaseWorkflowTest.MATTER), "30000", true));
        c = step(o.unitHead(), c, cmd(Action.APPROVE, c));
        c = step(o.reviewer(), c, cmd(Action.APPROVE, c));
        c = step(o.approver(), c, cmd(Action.APPROVE, c));
        c = step(o.officer(), c, on(Action.SERVE_NOTICE, c, LocalDate.of(2026, 2, 12)));
        c = step(o.officer(), c, new CaseCommand(Action.CONCLUDE_STATEMENT, c.getVersion(), "放弃", LocalDate.of(2026, 2, 13),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, true, null, null));
        c = step(o.officer2(), c, on(Action.DECIDE, c, LocalDate.of(2026, 2, 24)));
        return step(o.officer(), c, on(Action.SERVE_DECISION, c, SERVED));
    }

    private List<String> auditActions(PenaltyCase c) {
        return audit.of("PenaltyCase", c.getId()).stream().map(AuditEvent::getAction).toList();
    }

    @Test
    void anApprovedExtensionMovesTheHandlingDeadlineAndTheDeadlineListCitesTheApproval() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = investigating(o);
        assertThat(c.getHandlingDeadline()).isEqualTo(FILED.plusDays(90));
        assertThatThrownBy(() -> execution.requestExtension(o.officer(), c.getId(),
                new ExtensionRequest(FILED.plusDays(90 + 61), "鉴定未完成")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("60");
        assertThatThrownBy(() -> execution.requestExtension(o.officer(), c.getId(), new ExtensionRequest(FILED, "早于")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("requestedDue"));
        DeadlineExtension e = execution.requestExtension(o.officer(), c.getId(),
                new ExtensionRequest(LocalDate.of(2026, 6, 30), "需委托技术鉴定，鉴定期间不能作出决定"));
        assertThat(e.getStatus()).isEqualTo(Decision.PENDING);
        // only the 负责人 decides; a handler is refused and the refusal is audited
        assertThatThrownBy(() -> execution.decideExtension(o.officer(), c.getId(), e.getId(), new DecisionRequest(true, 0L, null)))
                .isInstanceOf(AccessDeniedException.class);
        DeadlineExtension approved = execution.decideExtension(o.approver(), c.getId(), e.getId(),
                new DecisionRequest(true, e.getVersion(), "同意"));
        assertThat(approved.getStatus()).isEqualTo(Decision.APPROVED);
        // a second approver acting on the version they saw loses: the first decision stands
        assertThatThrownBy(() -> execution.decideExtension(o.approver2(), c.getId(), e.getId(),
                new DecisionRequest(false, e.getVersion(), "不同意")))
                .isInstanceOfSatisfying(ConflictException.class, x -> assertThat(x.code()).isEqualTo("CONCURRENT_EDIT"));
        assertThat(service.get(o.officer(), c.getId()).getHandlingDeadline()).isEqualTo(LocalDate.of(2026, 6, 30));
        CaseDeadlines.Deadline handling = views.of(o.officer(), c.getId()).deadlines().stream()
                .filter(d -> d.label().startsWith("办案期限")).findFirst().orElseThrow();
        assertThat(handling.due()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(handling.basis()).contains("第六十条").contains("经负责人批准延长至 2026-06-30")
                .contains("延期审批 #" + e.getId()).contains("原期限 " + FILED.plusDays(90));
        assertThat(auditActions(c)).contains("CASE_REQUEST_EXTENSION", "CASE_APPROVE_EXTENSION", "CASE_STEP_FORBIDDEN");
        assertThat(service.history(o.officer(), c.getId())).extracting(CaseTransition::getAction)
                .contains("REQUEST_EXTENSION", "APPROVE_EXTENSION");
    }

    @Test
    void anotherAgencyCanNeitherSeeNorDecideTheRecords() {
        CaseFixtures.Office o = fx.office();
        CaseFixtures.Office other = fx.office();
        PenaltyCase c = investigating(o);
        DeadlineExtension e = execution.requestExtension(o.officer(), c.getId(),
                new ExtensionRequest(LocalDate.of(2026, 6, 30), "鉴定"));
        assertThatThrownBy(() -> execution.state(other.officer(), c.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> execution.decideExtension(other.approver(), c.getId(), e.getId(),
                new DecisionRequest(true, 0L, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> execution.requestExtension(other.officer(), c.getId(),
                new ExtensionRequest(LocalDate.of(2026, 6, 30), "鉴定"))).isInstanceOf(NotFoundException.class);
        assertThat(execution.state(o.officer(), c.getId()).extensions()).singleElement()
                .extracting(DeadlineExtension::getStatus).isEqualTo(Decision.PENDING);
    }

    @Test
    void instalmentsMustAddUpToTheFineAndOnceApprovedDriveTheDeadlinesAndTheLateFee() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = served(o);
        LocalDate applied = LocalDate.of(2026, 3, 1);
        assertThatThrownBy(() -> execution.applyForArrangement(o.officer(), c.getId(), new ArrangementRequest(
                PaymentArrangement.Kind.INSTALMENTS, "经营困难", applied, List.of(
                        new Instalment(LocalDate.of(2026, 3, 31), new BigDecimal("10000")),
                        new Instalment(LocalDate.of(2026, 4, 30), new BigDecimal("10000")),
                        new Instalment(LocalDate.of(2026, 5, 31), new BigDecimal("9999.99"))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("SUM_NOT_FINE")));
        assertThatThrownBy(() -> execution.applyForArrangement(o.officer(), c.getId(), new ArrangementRequest(
                PaymentArrangement.Kind.DEFERRAL, "经营困难", applied, List.of(
                        new Instalment(LocalDate.of(2026, 3, 31), new BigDecimal("15000")),
                        new Instalment(LocalDate.of(2026, 4, 30), new BigDecimal("15000"))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("DEFERRAL_ONE_DATE")));
        PaymentArrangement a = execution.applyForArrangement(o.officer(), c.getId(), new ArrangementRequest(
                PaymentArrangement.Kind.INSTALMENTS, "受疫情影响经营困难，提供财务报表", applied, List.of(
                        new Instalment(LocalDate.of(2026, 3, 31), new BigDecimal("10000")),
                        new Instalment(LocalDate.of(2026, 4, 30), new BigDecimal("10000")),
                        new Instalment(LocalDate.of(2026, 5, 31), new BigDecimal("10000")))));
        assertThatThrownBy(() -> execution.recordInstalmentPayment(o.officer(), c.getId(),
                new InstalmentPayment(new BigDecimal("10000"), LocalDate.of(2026, 3, 30))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("NOT_APPROVED"));
        assertThatThrownBy(() -> execution.decideArrangement(o.unitHead(), c.getId(), a.getId(),
                new DecisionRequest(true, a.getVersion(), null))).isInstanceOf(AccessDeniedException.class);
        execution.decideArrangement(o.approver(), c.getId(), a.getId(), new DecisionRequest(true, a.getVersion(), "同意分三期"));
        assertThatThrownBy(() -> execution.decideArrangement(o.approver2(), c.getId(), a.getId(),
                new DecisionRequest(true, a.getVersion(), null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_EDIT"));

        execution.recordInstalmentPayment(o.officer(), c.getId(), new InstalmentPayment(new BigDecimal("10000"), LocalDate.of(2026, 3, 30)));
        // the second instalment five days late: 10000 × 3% × 5 = 1500; the third never paid: capped at its 10000
        execution.recordInstalmentPayment(o.officer(), c.getId(), new InstalmentPayment(new BigDecimal("10000"), LocalDate.of(2026, 5, 5)));
        CaseExecution.ExecutionState state = execution.state(o.officer(), c.getId());
        assertThat(state.lateFee()).isEqualByComparingTo("11500");
        assertThat(state.outstanding()).isEqualByComparingTo("10000");
        assertThat(state.summary()).contains("分期缴纳（已批准）").contains("已缴 20000.00 / 30000.00").contains("2026-05-31")
                .contains("已逾期");
        List<CaseDeadlines.Deadline> rows = views.of(o.officer(), c.getId()).deadlines();
        assertThat(rows).extracting(CaseDeadlines.Deadline::label).doesNotContain("缴纳罚款")
                .contains("分期缴纳罚款（第1期，10000.00 元）", "分期缴纳罚款（第3期，10000.00 元）");
        assertThat(rows).filteredOn(d -> d.label().contains("第2期")).singleElement()
                .satisfies(d -> assertThat(d.note()).contains("1500.00"));
        assertThat(rows).filteredOn(d -> d.label().contains("第3期")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(CaseDeadlines.Status.OVERDUE));
        assertThatThrownBy(() -> execution.recordInstalmentPayment(o.officer(), c.getId(),
                new InstalmentPayment(new BigDecimal("10000.01"), LocalDate.of(2026, 6, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("amount"));
        execution.recordInstalmentPayment(o.officer(), c.getId(), new InstalmentPayment(new BigDecimal("10000"), LocalDate.of(2026, 6, 1)));
        PenaltyCase paid = service.get(o.officer(), c.getId());
        assertThat(paid.executionDone()).isTrue();
        assertThat(execution.state(o.officer(), c.getId()).summary()).isEqualTo("罚款已缴清");
        step(o.officer(), paid, cmd(Action.REQUEST_CLOSING, paid));
        assertThat(auditActions(c)).contains("CASE_REQUEST_PAYMENT_ARRANGEMENT", "CASE_APPROVE_PAYMENT_ARRANGEMENT",
                "CASE_RECORD_PAYMENT", "CASE_STEP_FORBIDDEN");
    }

    @Test
    void beforeTheDecisionIsServedNoArrangementOrDemandIsAccepted() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = investigating(o);
        assertThatThrownBy(() -> execution.serveDemand(o.officer(), c.getId(), new DemandRequest(FILED.plusDays(3), "催告")))
                .isInstanceOf(ProcedureViolation.class).hasMessageContaining("决定书送达");
        assertThatThrownBy(() -> execution.applyForArrangement(o.officer(), c.getId(), new ArrangementRequest(
                PaymentArrangement.Kind.DEFERRAL, "困难", FILED.plusDays(3), List.of(new Instalment(FILED.plusDays(60), BigDecimal.TEN)))))
                .isInstanceOf(ProcedureViolation.class);
        assertThat(auditActions(c)).contains("CASE_STEP_REFUSED");
    }

    @Test
    void theCourtIsAppliedToOnlyAfterADemandAndItsTenWorkingDaysAndAfterTheRemedyWindows() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = served(o);
        // no 催告 yet
        assertThatThrownBy(() -> execution.applyToCourt(o.officer(), c.getId(),
                new CourtApplicationRequest(LocalDate.of(2026, 9, 20), "江城区人民法院")))
                .isInstanceOfSatisfying(ProcedureViolation.class, e -> assertThat(e.missing())
                        .extracting(m -> m.rule()).containsExactly("COERCION-54-DEMAND-FIRST"));
        // the generic step is held to the same rule
        PenaltyCase fresh = service.get(o.officer(), c.getId());
        assertThatThrownBy(() -> step(o.officer(), fresh, on(Action.APPLY_ENFORCEMENT, fresh, LocalDate.of(2026, 9, 20))))
                .isInstanceOf(ProcedureViolation.class).hasMessageContaining("第五十四条");
        // 催告书 served Tue 2026-09-01: ten working days end Tue 2026-09-15 (no holiday in between)
        execution.serveDemand(o.officer(), c.getId(), new DemandRequest(LocalDate.of(2026, 9, 1),
                "限于收到本催告书之日起十日内缴纳罚款 30000 元及加处罚款"));
        assertThatThrownBy(() -> execution.applyToCourt(o.officer(), c.getId(),
                new CourtApplicationRequest(LocalDate.of(2026, 9, 15), "江城区人民法院")))
                .isInstanceOfSatisfying(ProcedureViolation.class, e -> assertThat(e.missing())
                        .extracting(m -> m.rule()).containsExactly("COERCION-54-TEN-DAYS"));
        CaseDeadlines.Deadline wait = views.of(o.officer(), c.getId()).deadlines().stream()
                .filter(d -> d.label().startsWith("催告期满")).findFirst().orElseThrow();
        assertThat(wait.due()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(wait.workingDays()).isTrue();
        CourtApplication a = execution.applyToCourt(o.officer(), c.getId(),
                new CourtApplicationRequest(LocalDate.of(2026, 9, 16), "江城区人民法院"));
        assertThat(service.get(o.officer(), c.getId()).getEnforcementAppliedOn()).isEqualTo(LocalDate.of(2026, 9, 16));
        assertThat(execution.state(o.officer(), c.getId()).summary()).contains("已申请法院强制执行");
        execution.recordCourtResult(o.officer(), c.getId(), a.getId(),
                new ExecutionCommands.CourtResultRequest("裁定准予执行", LocalDate.of(2026, 10, 10), a.getVersion()));
        assertThatThrownBy(() -> execution.recordCourtResult(o.officer(), c.getId(), a.getId(),
                new ExecutionCommands.CourtResultRequest("再次", LocalDate.of(2026, 10, 11), a.getVersion())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_EDIT"));
        assertThat(auditActions(c)).contains("CASE_SERVE_DEMAND", "CASE_APPLY_ENFORCEMENT", "CASE_COURT_RESULT", "CASE_STEP_REFUSED");
    }

    @Test
    void theCourtIsNotAppliedToBeforeTheLitigationWindowHasPassed() {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = served(o);
        execution.serveDemand(o.officer(), c.getId(), new DemandRequest(LocalDate.of(2026, 4, 1), "催告缴纳罚款"));
        // served 2026-02-25: the six months of 行政诉讼法第四十六条 run to 2026-08-25
        assertThatThrownBy(() -> execution.applyToCourt(o.officer(), c.getId(),
                new CourtApplicationRequest(LocalDate.of(2026, 8, 25), "江城区人民法院")))
                .isInstanceOfSatisfying(ProcedureViolation.class, e -> assertThat(e.missing())
                        .extracting(m -> m.rule()).containsExactly("COERCION-53-REMEDY-WINDOWS"));
        assertThat(execution.applyToCourt(o.officer(), c.getId(),
                new CourtApplicationRequest(LocalDate.of(2026, 8, 26), "江城区人民法院")).getId()).isNotNull();
    }
    @Test
    void anApprovalRacingARefusalOfTheSameExtensionLeavesExactlyOneDecision() throws Exception {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = investigating(o);
        DeadlineExtension e = execution.requestExtension(o.officer(), c.getId(),
                new ExtensionRequest(LocalDate.of(2026, 6, 30), "鉴定"));
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        for (boolean approve : List.of(true, false)) {
            cn.yjzf.organisation.CurrentUser who = approve ? o.approver() : o.approver2();
            results.add(pool.submit(() -> {
                together.await();
                try {
                    execution.decideExtension(who, c.getId(), e.getId(), new DecisionRequest(approve, e.getVersion(), null));
                    return approve ? "APPROVED" : "REFUSED";
                } catch (ConflictException x) {
                    return x.code();
                } catch (org.springframework.orm.ObjectOptimisticLockingFailureException x) {
                    return "CONCURRENT_EDIT";
                }
            }));
        }
        List<String> outcomes = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).contains("CONCURRENT_EDIT").hasSize(2).filteredOn(x -> !x.equals("CONCURRENT_EDIT")).hasSize(1);
        Decision stored = execution.state(o.officer(), c.getId()).extensions().get(0).getStatus();
        assertThat(outcomes).contains(stored.name());
        assertThat(service.get(o.officer(), c.getId()).getHandlingDeadline())
                .isEqualTo(stored == Decision.APPROVED ? LocalDate.of(2026, 6, 30) : FILED.plusDays(90));
        assertThat(service.history(o.officer(), c.getId())).filteredOn(h -> h.getAction().endsWith("_EXTENSION")
                && !h.getAction().startsWith("REQUEST")).hasSize(1);
    }
}

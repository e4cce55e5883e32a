package cn.yjzf.casework;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.calendar.WorkingDayCalendar;
import cn.yjzf.casework.ExecutionCommands.ArrangementRequest;
import cn.yjzf.casework.ExecutionCommands.CourtApplicationRequest;
import cn.yjzf.casework.ExecutionCommands.CourtResultRequest;
import cn.yjzf.casework.ExecutionCommands.DecisionRequest;
import cn.yjzf.casework.ExecutionCommands.DemandRequest;
import cn.yjzf.casework.ExecutionCommands.ExtensionRequest;
import cn.yjzf.casework.ExecutionCommands.InstalmentPayment;
import cn.yjzf.casework.facts.CaseFacts;
import cn.yjzf.casework.facts.Missing;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records around 办案期限 and 执行 that the main step machine does not hold: extension of the 办案期限, 延期/分期
 * payment, 催告书 and the application to the court. Handlers record, the 负责人 (APPROVER) decides; every change is
 * scoped to the caller's jurisdiction, checked against the procedure rules where they apply, written to the case's
 * history and the audit trail in the same transaction; decisions carry the application's version (409 when stale).
 */
@Service
public class CaseExecution {

    private final CaseworkService cases;
    private final DeadlineExtensionRepository extensions;
    private final PaymentArrangementRepository arrangements;
    private final EnforcementDemandRepository demands;
    private final CourtApplicationRepository applications;
    private final CaseTransitionRepository transitions;
    private final ProcedureRules rules;
    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final AppTime time;
    private final int maxExtensionDays;
    private final String extensionSource;

    CaseExecution(CaseworkService cases, DeadlineExtensionRepository extensions, PaymentArrangementRepository arrangements,
                  EnforcementDemandRepository demands, CourtApplicationRepository applications,
                  CaseTransitionRepository transitions, ProcedureRules rules, WorkingDayCalendar calendar,
                  AuditTrail audit, AppTime time,
                  @Value("${app.casework.handling-extension.max-days:0}") int maxExtensionDays,
                  @Value("${app.casework.handling-extension.source:未取得}") String extensionSource) {
        this.cases = cases;
        this.extensions = extensions;
        this.arrangements = arrangements;
        this.demands = demands;
        this.applications = applications;
        this.transitions = transitions;
        this.rules = rules;
        this.calendar = calendar;
        this.audit = audit;
        this.time = time;
        this.maxExtensionDays = maxExtensionDays;
        this.extensionSource = extensionSource;
    }

    // ---------------------------------------------------------------- 办案期限 extension

    @Transactional
    public DeadlineExtension requestExtension(CurrentUser user, Long caseId, ExtensionRequest r) {
        PenaltyCase c = cases.get(user, caseId);
        cases.requireHandler(user, c, time.today());
        if (c.getFiledOn() == null || c.getDecidedOn() != null || c.getStage() == Stage.CLOSED
                || c.getProcedure() != CaseEnums.Procedure.GENERAL) {
            throw new ConflictException("NOT_EXTENDABLE", "只有已立案、尚未作出决定的一般程序案件可以申请延长办案期限");
        }
        if (extensions.findByCaseIdOrderById(caseId).stream().anyMatch(e -> e.getStatus() == Decision.PENDING)) {
            throw new ConflictException("APPLICATION_PENDING", "已有待审批的延期申请");
        }
        LocalDate current = c.getHandlingDeadline();
        if (!r.requestedDue().isAfter(current)) {
            throw new InvalidInputException("requestedDue", "NOT_LATER", "延长后的期限须晚于现在的办案期限 " + current);
        }
        if (maxExtensionDays > 0 && r.requestedDue().isAfter(current.plusDays(maxExtensionDays))) {
            throw new InvalidInputException("requestedDue", "EXTENSION_TOO_LONG",
                    "每次延长不得超过 " + maxExtensionDays + " 日（本机关配置）");
        }
        DeadlineExtension e = extensions.save(new DeadlineExtension(caseId, current, r.requestedDue(), r.reason().trim(), user.id()));
        note(user, c, "REQUEST_EXTENSION", "承办人", "申请延长办案期限至 " + r.requestedDue() + "；理由：" + e.getReason(),
                "extension=" + e.getId());
        return e;
    }

    @Transactional
    public DeadlineExtension decideExtension(CurrentUser user, Long caseId, Long extensionId, DecisionRequest r) {
        PenaltyCase c = cases.get(user, caseId);
        requireApprover(user, c, "延长办案期限由负责人审批");
        DeadlineExtension e = extensions.findByIdAndCaseId(extensionId, caseId).orElseThrow(() -> new NotFoundException("延期申请"));
        if (e.getVersion() != r.version()) {
            throw new ConflictException("CONCURRENT_EDIT", "该申请已被他人处理（" + e.getStatus().label() + "），请刷新后重试");
        }
        LocalDate today = time.today();
        e.decide(r.approve(), user.id(), today, r.note());
        if (r.approve()) {
            c.handlingDeadlineExtended(e.getRequestedDue());
        }
        note(user, c, r.approve() ? "APPROVE_EXTENSION" : "REFUSE_EXTENSION", Role.APPROVER.label(),
                (r.approve() ? "批准延长办案期限至 " + e.getRequestedDue() : "不批准延长办案期限")
                        + (r.note() == null || r.note().isBlank() ? "" : "；意见：" + r.note()),
                "extension=" + e.getId() + "; before=" + e.getPreviousDue() + "; after="
                        + (r.approve() ? e.getRequestedDue() : e.getPreviousDue()));
        return e;
    }

    // ---------------------------------------------------------------- 延期/分期 payment

    @Transactional
    public PaymentArrangement applyForArrangement(CurrentUser user, Long caseId, ArrangementRequest r) {
        PenaltyCase c = cases.get(user, caseId);
        LocalDate today = time.today();
        cases.requireHandler(user, c, today);
        refuseIfMissing(user, c, "REQUEST_PAYMENT_ARRANGEMENT", facts(c, "REQUEST_PAYMENT_ARRANGEMENT", today));
        c.require(Stage.EXECUTION);
        if (arrangements.findByCaseIdOrderById(caseId).stream().anyMatch(a -> a.getStatus() != Decision.REFUSED)) {
            throw new ConflictException("APPLICATION_EXISTS", "本案已有待审批或已批准的延期（分期）缴纳");
        }
        BigDecimal outstanding = outstanding(c);
        if (outstanding.signum() <= 0) {
            throw new ConflictException("NOTHING_OUTSTANDING", "罚款已缴清，无需延期或分期");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<ExecutionCommands.Instalment> plan = r.instalments();
        if (r.kind() == PaymentArrangement.Kind.DEFERRAL && plan.size() != 1) {
            problems.add(new FieldProblem("instalments", "DEFERRAL_ONE_DATE", "延期缴纳只能有一个缴纳日期"));
        }
        if (r.kind() == PaymentArrangement.Kind.INSTALMENTS && plan.size() < 2) {
            problems.add(new FieldProblem("instalments", "TOO_FEW_INSTALMENTS", "分期缴纳至少分两期"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        LocalDate previous = r.appliedOn().minusDays(1);
        for (int i = 0; i < plan.size(); i++) {
            ExecutionCommands.Instalment p = plan.get(i);
            sum = sum.add(p.amount());
            if (!p.dueOn().isAfter(previous)) {
                problems.add(new FieldProblem("instalments[" + i + "].dueOn", "DATES_NOT_ASCENDING",
                        "各期缴纳日期须不早于申请日期并依次递增"));
            }
            previous = p.dueOn();
        }
        if (sum.compareTo(outstanding) != 0) {
            problems.add(new FieldProblem("instalments", "SUM_NOT_FINE", "各期金额之和 " + sum.toPlainString()
                    + " 元须恰好等于应缴罚款 " + outstanding.toPlainString() + " 元"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<PaymentInstalment> instalments = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            instalments.add(new PaymentInstalment(i + 1, plan.get(i).dueOn(), plan.get(i).amount()));
        }
        PaymentArrangement a = arrangements.save(new PaymentArrangement(caseId, r.kind(), r.reason().trim(), r.appliedOn(),
                instalments, user.id()));
        note(user, c, "REQUEST_PAYMENT_ARRANGEMENT", "承办人", "当事人申请" + r.kind().label() + "：" + describe(a)
                + "；理由：" + a.getReason(), "arrangement=" + a.getId());
        return a;
    }

    @Transactional
    public PaymentArrangement decideArrangement(CurrentUser user, Long caseId, Long arrangementId, DecisionRequest r) {
        PenaltyCase c = cases.get(user, caseId);
        requireApprover(user, c, "延期（分期）缴纳罚款由行政机关负责人批准（行政处罚法第六十六条）");
        PaymentArrangement a = arrangements.findByIdAndCaseId(arrangementId, caseId)
                .orElseThrow(() -> new NotFoundException("延期（分期）缴纳申请"));
        if (a.getVersion() != r.version()) {
            throw new ConflictException("CONCURRENT_EDIT", "该申请已被他人处理（" + a.getStatus().label() + "），请刷新后重试");
        }
        a.decide(r.approve(), user.id(), time.today(), r.note());
        note(user, c, r.approve() ? "APPROVE_PAYMENT_ARRANGEMENT" : "REFUSE_PAYMENT_ARRANGEMENT", Role.APPROVER.label(),
                (r.approve() ? "批准" : "不批准") + a.getKind().label() + "：" + describe(a)
                        + (r.note() == null || r.note().isBlank() ? "" : "；意见：" + r.note()),
                "arrangement=" + a.getId() + "; status=" + a.getStatus());
        if (r.approve()) { // the 延期（分期）缴纳罚款批准书
            cases.stepTaken(c, "APPROVE_PAYMENT_ARRANGEMENT", time.today(), user);
        }
        return a;
    }

    @Transactional
    public PaymentArrangement recordInstalmentPayment(CurrentUser user, Long caseId, InstalmentPayment r) {
        PenaltyCase c = handlerStep(user, caseId, "RECORD_PAYMENT", "paidOn", r.paidOn());
        PaymentArrangement a = approved(caseId).orElseThrow(() -> new ConflictException("NOT_APPROVED",
                "本案没有已批准的延期（分期）缴纳；请按一般缴款登记"));
        BigDecimal open = a.total().subtract(a.paid());
        if (r.amount().compareTo(open) > 0) {
            throw new InvalidInputException("amount", "MORE_THAN_OUTSTANDING", "缴款金额超过尚欠的 " + open.toPlainString() + " 元");
        }
        a.pay(r.amount(), r.paidOn());
        c.paid(r.amount(), r.paidOn());
        note(user, c, "RECORD_PAYMENT", "承办人", "按" + a.getKind().label() + "缴款 " + r.amount().toPlainString() + " 元（"
                + r.paidOn() + "）", "arrangement=" + a.getId() + "; paid=" + a.paid().toPlainString());
        return a;
    }

    // ---------------------------------------------------------------- 催告 and court application

    @Transactional
    public EnforcementDemand serveDemand(CurrentUser user, Long caseId, DemandRequest r) {
        PenaltyCase c = handlerStep(user, caseId, "SERVE_DEMAND", "servedOn", r.servedOn());
        c.require(Stage.EXECUTION);
        if (c.executionDone()) {
            throw new ConflictException("NOTHING_OUTSTANDING", "罚款已缴清或已申请强制执行，无需催告");
        }
        EnforcementDemand d = demands.save(new EnforcementDemand(caseId, r.servedOn(), r.content().trim(), user.id()));
        note(user, c, "SERVE_DEMAND", "承办人", "催告书送达（" + r.servedOn() + "）：" + d.getContent(), "demand=" + d.getId());
        return d;
    }

    @Transactional
    public CourtApplication applyToCourt(CurrentUser user, Long caseId, CourtApplicationRequest r) {
        PenaltyCase c = handlerStep(user, caseId, "APPLY_ENFORCEMENT", "appliedOn", r.appliedOn());
        c.enforcementApplied(r.appliedOn());
        CourtApplication a = applications.save(new CourtApplication(caseId, r.appliedOn(), r.court().trim(), user.id()));
        note(user, c, "APPLY_ENFORCEMENT", "承办人", "申请" + a.getCourt() + "强制执行（" + r.appliedOn() + "）",
                "application=" + a.getId());
        cases.stepTaken(c, "APPLY_ENFORCEMENT", r.appliedOn(), user); // the 强制执行申请书
        return a;
    }

    @Transactional
    public CourtApplication recordCourtResult(CurrentUser user, Long caseId, Long applicationId, CourtResultRequest r) {
        PenaltyCase c = cases.get(user, caseId);
        cases.requireHandler(user, c, time.today());
        CourtApplication a = applications.findByIdAndCaseId(applicationId, caseId)
                .orElseThrow(() -> new NotFoundException("强制执行申请"));
        if (a.getVersion() != r.version()) {
            throw new ConflictException("CONCURRENT_EDIT", "该记录已被他人修改，请刷新后重试");
        }
        a.result(r.result().trim(), r.resultOn());
        note(user, c, "COURT_RESULT", "承办人", "法院处理结果（" + r.resultOn() + "）：" + a.getResult(), "application=" + a.getId());
        return a;
    }

    // ---------------------------------------------------------------- reading

    public record ExecutionState(List<DeadlineExtension> extensions, List<PaymentArrangement> arrangements,
                                 List<EnforcementDemand> demands, List<CourtApplication> applications, String summary,
                                 BigDecimal outstanding, BigDecimal lateFee, String extensionLimit) {
    }

    @Transactional(readOnly = true)
    public ExecutionState state(CurrentUser user, Long caseId) {
        PenaltyCase c = cases.get(user, caseId);
        LocalDate today = time.today();
        return new ExecutionState(extensions.findByCaseIdOrderById(caseId), arrangements.findByCaseIdOrderById(caseId),
                demands.findByCaseIdOrderById(caseId), applications.findByCaseIdOrderById(caseId), summary(c, today),
                outstanding(c), lateFee(c, today), (maxExtensionDays > 0 ? "每次延长不超过 " + maxExtensionDays + " 日"
                        : "延长上限未配置") + "（依据：" + extensionSource + "）");
    }

    java.util.Optional<PaymentArrangement> approved(Long caseId) {
        return arrangements.findByCaseIdOrderById(caseId).stream().filter(a -> a.getStatus() == Decision.APPROVED).findFirst();
    }

    java.util.Optional<DeadlineExtension> lastApprovedExtension(Long caseId) {
        return extensions.findByCaseIdOrderById(caseId).stream().filter(e -> e.getStatus() == Decision.APPROVED)
                .reduce((a, b) -> b);
    }

    java.util.Optional<EnforcementDemand> lastDemand(Long caseId) {
        return demands.findByCaseIdOrderById(caseId).stream().reduce((a, b) -> b);
    }

    /** 加处罚款 owed today: per instalment of an approved plan, otherwise on the fine after the 15 days. */
    BigDecimal lateFee(PenaltyCase c, LocalDate today) {
        if (c.getDecisionServedOn() == null || c.getProposedFine() == null || c.getEnforcementAppliedOn() != null) {
            return BigDecimal.ZERO;
        }
        return approved(c.getId()).map(a -> a.getInstalments().stream()
                        .map(i -> CaseDeadlines.lateFee(i.getAmount(), i.getDueOn(), i.getPaidOn() != null ? i.getPaidOn() : today))
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .orElseGet(() -> c.executionDone() && c.getPaidOn() != null
                        ? CaseDeadlines.lateFee(c.getProposedFine(), paymentDue(c), c.getPaidOn())
                        : CaseDeadlines.lateFee(c.getProposedFine(), paymentDue(c), today));
    }

    static LocalDate paymentDue(PenaltyCase c) {
        return c.getDecisionServedOn().plusDays(CaseDeadlines.PAYMENT_DAYS);
    }

    private String summary(PenaltyCase c, LocalDate today) {
        if (c.getOutcome() != CaseEnums.Outcome.PENALTY || c.getProposedFine() == null || c.getProposedFine().signum() == 0) {
            return "无罚款执行事项";
        }
        if (c.getDecisionServedOn() == null) {
            return "决定书尚未送达";
        }
        if (c.getEnforcementAppliedOn() != null) {
            return "已申请法院强制执行（" + c.getEnforcementAppliedOn() + "）";
        }
        if (outstanding(c).signum() <= 0) {
            return "罚款已缴清";
        }
        PaymentArrangement a = approved(c.getId()).orElse(null);
        if (a != null) {
            PaymentInstalment next = a.getInstalments().stream().filter(i -> !i.isSettled()).findFirst().orElse(null);
            String due = next == null ? "" : "；下一期 " + next.getDueOn() + " 应缴 "
                    + next.getAmount().subtract(next.getPaidAmount()).toPlainString() + " 元"
                    + (today.isAfter(next.getDueOn()) ? "（已逾期）" : "");
            return a.getKind().label() + "（已批准）：已缴 " + a.paid().toPlainString() + " / " + a.total().toPlainString() + " 元" + due;
        }
        boolean pending = arrangements.findByCaseIdOrderById(c.getId()).stream().anyMatch(x -> x.getStatus() == Decision.PENDING);
        String overdue = today.isAfter(paymentDue(c)) ? "已逾期（应于 " + paymentDue(c) + " 前缴纳）" : "应于 " + paymentDue(c) + " 前缴纳";
        return "尚欠 " + outstanding(c).toPlainString() + " 元，" + overdue + (pending ? "；延期（分期）缴纳申请待审批" : "");
    }

    private static BigDecimal outstanding(PenaltyCase c) {
        if (c.getProposedFine() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal paid = c.getPaidAmount() == null ? BigDecimal.ZERO : c.getPaidAmount();
        return c.getProposedFine().subtract(paid).max(BigDecimal.ZERO);
    }

    // ---------------------------------------------------------------- rules, roles, history

    private CaseFacts facts(PenaltyCase c, String action, LocalDate on) {
        CaseFacts f = new CaseFacts();
        f.setAction(action);
        f.setOutcome(c.getOutcome() == null ? "PENALTY" : c.getOutcome().name());
        f.setDecisionServed(c.getDecisionServedOn() != null);
        f.setExecutionDone(c.executionDone());
        EnforcementDemand d = lastDemand(c.getId()).orElse(null);
        f.setDemandServed(d != null);
        f.setDemandWaitOver(d != null && on.isAfter(calendar.plusWorkingDays(d.getServedOn(), CaseDeadlines.DEMAND_WAIT_WORKING_DAYS).date()));
        f.setRemedyWindowsOver(c.getDecisionServedOn() != null && on.isAfter(c.getDecisionServedOn().plusMonths(CaseDeadlines.LITIGATION_MONTHS)));
        return f;
    }

    private void refuseIfMissing(CurrentUser user, PenaltyCase c, String action, CaseFacts f) {
        List<Missing> missing = rules.missing(f);
        if (missing.isEmpty()) {
            return;
        }
        String message = "案件当前处于“" + c.getStage().label() + "”，不能办理。" + String.join("；",
                missing.stream().map(Missing::message).toList());
        audit.recordSeparately(user.username(), "CASE_STEP_REFUSED", "PenaltyCase", c.getId(), "action=" + action
                + "; rules=" + missing.stream().map(Missing::rule).toList() + "; " + message);
        throw new ProcedureViolation(missing, message);
    }

    /** A handler's execution step dated {@code on} (not in the future), which the procedure rules allow. */
    private PenaltyCase handlerStep(CurrentUser user, Long caseId, String action, String dateField, LocalDate on) {
        PenaltyCase c = cases.get(user, caseId);
        LocalDate today = time.today();
        cases.requireHandler(user, c, today);
        if (on.isAfter(today)) {
            throw new InvalidInputException(dateField, "DATE_IN_FUTURE", "日期不能晚于今天");
        }
        refuseIfMissing(user, c, action, facts(c, action, on));
        return c;
    }

    private void requireApprover(CurrentUser user, PenaltyCase c, String why) {
        if (!user.has(Role.APPROVER)) {
            cases.deny(user, c, null, why);
        }
    }

    /** A recorded step that does not move the case: on the timeline (history) and in the audit trail. */
    private void note(CurrentUser user, PenaltyCase c, String action, String role, String text, String detail) {
        transitions.save(new CaseTransition(c.getId(), c.getStage(), c.getStage(), action, user.id(), user.fullName(), role, text, null));
        audit.record(user.username(), "CASE_" + action, "PenaltyCase", c.getId(), "role=" + role + "; " + detail + "; " + text);
    }

    private static String describe(PaymentArrangement a) {
        return String.join("，", a.getInstalments().stream().map(i -> (a.getInstalments().size() > 1 ? "第" + i.getSeq() + "期 " : "")
                + i.getDueOn() + " 前 " + i.getAmount().toPlainString() + " 元").toList());
    }
}

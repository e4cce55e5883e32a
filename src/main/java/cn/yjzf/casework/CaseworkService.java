package cn.yjzf.casework;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.calendar.WorkingDayCalendar;
import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.casework.CaseEnums.ActKind;
import cn.yjzf.casework.CaseEnums.Outcome;
import cn.yjzf.casework.CaseEnums.PartyType;
import cn.yjzf.casework.CaseEnums.Procedure;
import cn.yjzf.casework.facts.CaseFacts;
import cn.yjzf.casework.facts.Missing;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.ForbiddenException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every step of a penalty case: finds the case within the caller's jurisdiction (outside it = 404), checks the
 * caller may take the step (role, handler, delegation, certificate), asks the procedure rules what is missing,
 * moves the aggregate, rotates the task and writes history and audit in the same transaction. Refusals by role or
 * by rule are audited in their own transaction so that they remain on record.
 */
@Service
public class CaseworkService {

    /** 行政处罚法第五十一条: 当场处罚 limits. */
    static final BigDecimal SUMMARY_LIMIT_INDIVIDUAL = new BigDecimal("200");
    static final BigDecimal SUMMARY_LIMIT_ORGANISATION = new BigDecimal("3000");

    private final PenaltyCaseRepository cases;
    private final CaseTaskRepository tasks;
    private final CaseTransitionRepository transitions;
    private final CaseActRepository acts;
    private final AppUserRepository users;
    private final EnterpriseService enterprises;
    private final cn.yjzf.organisation.TownshipRepository townships;
    private final ActingAuthority authority;
    private final ProposalBinding proposals;
    private final Certificates certificates;
    private final ProcedureRules rules;
    private final ProcedureSettings settings;
    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final TransactionTemplate separateTx;
    private final cn.yjzf.common.AppTime time;
    /** Case steps are announced to other features (issued documents) in the step's transaction. */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationEventPublisher events;

    CaseworkService(PenaltyCaseRepository cases, CaseTaskRepository tasks, CaseTransitionRepository transitions,
                    CaseActRepository acts, AppUserRepository users, EnterpriseService enterprises,
                    cn.yjzf.organisation.TownshipRepository townships, ActingAuthority authority, Certificates certificates, ProcedureRules rules,
                    ProcedureSettings settings, WorkingDayCalendar calendar, AuditTrail audit,
                    PlatformTransactionManager txManager, ProposalBinding proposals, cn.yjzf.common.AppTime time) {
        this.proposals = proposals;
        this.time = time;
        this.cases = cases;
        this.tasks = tasks;
        this.transitions = transitions;
        this.acts = acts;
        this.users = users;
        this.enterprises = enterprises;
        this.townships = townships;
        this.authority = authority;
        this.certificates = certificates;
        this.rules = rules;
        this.settings = settings;
        this.calendar = calendar;
        this.audit = audit;
        this.separateTx = new TransactionTemplate(txManager);
        this.separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public PenaltyCase get(CurrentUser user, Long id) {
        return cases.findScoped(id, user.agencyId(), user.jurisdiction().townshipId())
                .orElseThrow(() -> new NotFoundException("案件"));
    }

    @Transactional(readOnly = true)
    public List<PenaltyCase> list(CurrentUser user) {
        return cases.listScoped(user.agencyId(), user.jurisdiction().townshipId(), PageRequest.of(0, 200));
    }

    @Transactional(readOnly = true)
    public List<CaseTransition> history(CurrentUser user, Long id) {
        get(user, id);
        return transitions.findByCaseIdOrderById(id);
    }

    @Transactional(readOnly = true)
    public List<CaseAct> acts(CurrentUser user, Long id) {
        get(user, id);
        return acts.findByCaseIdOrderById(id);
    }

    @Transactional(readOnly = true)
    public CaseTask openTask(CurrentUser user, Long id) {
        get(user, id);
        return tasks.findByCaseIdAndStatus(id, CaseTask.Status.OPEN).orElse(null);
    }

    /**
     * 我的待办: the review queues of the caller's roles in the caller's agency, and the handler tasks of cases the
     * caller handles; a reassigned task goes only to its assignee.
     */
    @Transactional(readOnly = true)
    public List<CaseTask> myTasks(CurrentUser user) {
        List<String> roles = new ArrayList<>(user.roles().stream().map(Role::name).toList());
        roles.add(CaseTask.HANDLERS);
        List<CaseTask> result = new ArrayList<>();
        for (CaseTask t : tasks.openQueue(user.agencyId(), user.jurisdiction().townshipId(), roles)) {
            if (t.getAssigneeId() != null) {
                if (t.getAssigneeId().equals(user.id())) {
                    result.add(t);
                }
            } else if (CaseTask.HANDLERS.equals(t.getRole())) {
                if (cases.findById(t.getCaseId()).map(c -> c.getHandlerIds().contains(user.id())).orElse(false)) {
                    result.add(t);
                }
            } else if (cases.findById(t.getCaseId()).map(c -> DecidingBody.includes(user, c)).orElse(false)) {
                result.add(t);
            }
        }
        return result;
    }

    /** What the rules say is missing before the case's next step (shown on the case page). */
    @Transactional(readOnly = true)
    public List<Missing> missingForNextStep(CurrentUser user, Long id, LocalDate today) {
        PenaltyCase c = get(user, id);
        Action next = switch (c.getStage()) {
            case INVESTIGATION -> Action.CONCLUDE_INVESTIGATION;
            case TIER_HEAD -> Action.APPROVE;
            case STATEMENT -> Action.CONCLUDE_STATEMENT;
            case DECISION -> Action.DECIDE;
            case EXECUTION -> Action.REQUEST_CLOSING;
            case CLOSING_REVIEW -> Action.APPROVE;
            default -> null;
        };
        if (next == null) {
            return List.of();
        }
        return rules.missing(facts(c, ruleAction(c, next), user, null, today));
    }

    // ---------------------------------------------------------------- opening

    @Transactional
    public PenaltyCase open(CurrentUser user, NewCase cmd) {
        if (!user.has(Role.OFFICER) && !user.has(Role.TOWNSHIP_ENFORCER)) {
            throw new AccessDeniedException("立案");
        }
        LocalDate today = time.today();
        String partyName = cmd.partyName();
        Long townshipId = cmd.townshipId();
        if (cmd.enterpriseId() != null) {
            Enterprise e = enterprises.get(user.jurisdiction(), cmd.enterpriseId());
            partyName = e.getName();
            townshipId = e.getTownshipId();
        }
        if (user.has(Role.TOWNSHIP_ENFORCER)) {
            if (townshipId == null) {
                townshipId = user.townshipId();
            }
        }
        Long tid = townshipId;
        if (tid != null && townships.findById(tid).filter(t -> t.getAgencyId().equals(user.agencyId())).isEmpty()) {
            throw new InvalidInputException("townshipId", "UNKNOWN_TOWNSHIP", "乡镇（街道）不存在或不属于本机关");
        }
        if (townshipId != null && user.jurisdiction().townshipId() != null && !townshipId.equals(user.jurisdiction().townshipId())) {
            throw new InvalidInputException("townshipId", "OUT_OF_SCOPE", "不在您所在乡镇（街道）的管辖范围内");
        }
        ActingAuthority.Verdict verdict = authority.verdict(user, cmd.matterCode(), townshipId, today);
        if (!verdict.allowed()) {
            separateTx.executeWithoutResult(s -> audit.record(user.username(), "CASE_STEP_FORBIDDEN", "PenaltyCase", null,
                    "action=OPEN; matter=" + cmd.matterCode() + "; reason=" + verdict.code()));
            throw new InvalidInputException("matterCode", verdict.code(), verdict.message());
        }
        ActingAuthority.Authority auth = verdict.authority();
        Procedure procedure = cmd.procedureOrDefault();
        Set<Long> handlers = new LinkedHashSet<>(cmd.handlerIds());
        handlers.add(user.id());
        List<FieldProblem> problems = new ArrayList<>();
        for (Long h : handlers) {
            AppUser u = users.findById(h).orElse(null);
            if (u == null || !u.getAgencyId().equals(user.agencyId())) {
                problems.add(new FieldProblem("handlerIds", "UNKNOWN_OFFICER", "承办人不存在或不属于本机关"));
            } else if (!certificates.certifiedOn(h, today)) {
                problems.add(new FieldProblem("handlerIds", "NOT_CERTIFIED", u.getFullName() + "没有有效的执法证"));
            }
        }
        if (procedure == Procedure.GENERAL && handlers.size() < 2) {
            problems.add(new FieldProblem("handlerIds", "TOO_FEW_OFFICERS", "承办人不得少于两人（行政处罚法第四十二条）"));
        }
        if (procedure == Procedure.SUMMARY) {
            if (cmd.penalty() == null || cmd.penalty().isBlank()) {
                problems.add(new FieldProblem("penalty", "REQUIRED", "请填写处罚内容"));
            }
            if (cmd.decidedOn() == null) {
                problems.add(new FieldProblem("decidedOn", "REQUIRED", "请填写当场处罚日期"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().distinct().toList());
        }
        PenaltyCase c = new PenaltyCase(auth.agencyId(), townshipId, cmd.enterpriseId(), partyName, cmd.partyType(),
                cmd.matterCode(), cmd.source(), cmd.sourceRef(), cmd.cause(), procedure, auth.mode().name(),
                auth.issuingName(), handlers, user.id());
        String rulesVersion = null;
        if (procedure == Procedure.SUMMARY) {
            BigDecimal fine = cmd.fine() == null ? BigDecimal.ZERO : cmd.fine();
            BigDecimal limit = cmd.partyType() == PartyType.INDIVIDUAL ? SUMMARY_LIMIT_INDIVIDUAL : SUMMARY_LIMIT_ORGANISATION;
            CaseFacts f = new CaseFacts();
            f.setAction("SUMMARY_DECIDE");
            f.setSummaryWithinLimits(fine.compareTo(limit) <= 0);
            f.setSignerCertified(certificates.certifiedOn(user.id(), cmd.decidedOn()));
            ProcedureRules.Evaluation checked = rules.evaluate(f);
            refuseIfMissing(user, null, Action.DECIDE, checked);
            rulesVersion = checked.version();
            c.summaryDecided(cmd.penalty(), fine, cmd.decidedOn());
        }
        cases.save(c);
        if (procedure == Procedure.SUMMARY) {
            acts.save(new CaseAct(c.getId(), ActKind.SUMMARY_DECISION, cmd.decidedOn(), cmd.penalty(), List.of(user.id()),
                    true, user.id()));
        }
        record(user, c, null, procedure == Procedure.SUMMARY ? "SUMMARY_DECIDE" : "OPEN", "承办人", null, rulesVersion);
        if (procedure == Procedure.SUMMARY) { // the 当场处罚决定书 is issued in this transaction
            stepTaken(c, "SUMMARY_DECIDE", cmd.decidedOn(), user);
        }
        tasks.save(new CaseTask(c, dueFor(c)));
        return c;
    }

    /** A recorded step that does not move the case, for the listeners that issue its documents (same transaction). */
    void stepTaken(PenaltyCase c, String action, LocalDate on, CurrentUser user) {
        events.publishEvent(new CaseStepTaken(c.getId(), action, c.getStage(), c.getStage(), on, user.id(), null, false));
    }

    // ---------------------------------------------------------------- investigative acts

    @Transactional
    public CaseAct addAct(CurrentUser user, Long id, NewAct cmd) {
        PenaltyCase c = get(user, id);
        requireHandler(user, c, time.today());
        c.require(Stage.INVESTIGATION);
        if (cmd.kind() != ActKind.INTERROGATION && cmd.kind() != ActKind.SITE_EXAMINATION && cmd.kind() != ActKind.EVIDENCE) {
            throw new InvalidInputException("kind", "NOT_AN_INVESTIGATIVE_ACT", "只能登记询问笔录、勘验笔录或证据材料");
        }
        List<Long> officers = cmd.officerIds().stream().distinct().toList();
        List<FieldProblem> problems = new ArrayList<>();
        for (Long o : officers) {
            if (!c.getHandlerIds().contains(o) && users.findById(o).map(u -> !u.getAgencyId().equals(c.getAgencyId())).orElse(true)) {
                problems.add(new FieldProblem("officerIds", "UNKNOWN_OFFICER", "执法人员不存在或不属于本机关"));
            } else if (!certificates.certifiedOn(o, cmd.performedOn())) {
                problems.add(new FieldProblem("officerIds", "NOT_CERTIFIED", "有执法人员在该日没有有效的执法证"));
            }
        }
        if (officers.size() < 2) {
            problems.add(new FieldProblem("officerIds", "TOO_FEW_OFFICERS", "调查取证的执法人员不得少于两人（行政处罚法第四十二条）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().distinct().toList());
        }
        CaseAct act = acts.save(new CaseAct(c.getId(), cmd.kind(), cmd.performedOn(), cmd.summary(), officers, true, user.id()));
        audit.record(user.username(), "CASE_ACT_ADDED", "PenaltyCase", c.getId(),
                "role=承办人; act=" + cmd.kind().label() + "; on=" + cmd.performedOn() + "; officers=" + officers);
        events.publishEvent(new CaseStepTaken(c.getId(), "ACT", c.getStage(), c.getStage(), cmd.performedOn(), user.id(),
                act.getId(), false));
        return act;
    }

    // ---------------------------------------------------------------- steps

    @Transactional
    public PenaltyCase perform(CurrentUser user, Long id, CaseCommand cmd) {
        PenaltyCase c = get(user, id);
        if (cmd.version() != c.getVersion()) {
            throw new ConflictException("CONCURRENT_EDIT", "案件已被他人处理（当前环节：" + c.getStage().label() + "），请刷新后重试");
        }
        LocalDate on = cmd.on() == null ? time.today() : cmd.on();
        if (on.isAfter(time.today())) {
            throw new InvalidInputException("on", "DATE_IN_FUTURE", "日期不能晚于今天");
        }
        Stage before = c.getStage();
        String role = authorise(user, c, cmd, on);
        String rulesVersion = null; // steps the procedure rules do not check record none
        if (cmd.action() == Action.SUBMIT) {
            cmd = proposals.bind(user, c, cmd);
        }
        if (cmd.action() != Action.RETURN && cmd.action() != Action.REASSIGN && cmd.action() != Action.FLAG_CRIMINAL
                && cmd.action() != Action.DECIDE_TRANSFER) {
            ProcedureRules.Evaluation checked = rules.evaluate(facts(c, ruleAction(c, cmd.action()), user, cmd, on));
            refuseIfMissing(user, c, cmd.action(), checked);
            rulesVersion = checked.version();
        }
        switch (cmd.action()) {
            case SUBMIT_FILING -> c.submitFiling();
            case APPROVE -> approve(c, cmd, on);
            case RETURN -> {
                requireReason(cmd);
                if (cmd.target() == null) {
                    throw new InvalidInputException("target", "REQUIRED", "请选择退回到的环节");
                }
                c.returnTo(cmd.target());
            }
            case CONCLUDE_INVESTIGATION -> c.concludeInvestigation();
            case SUBMIT -> submit(c, cmd, on);
            case SERVE_NOTICE -> c.noticeServed(on);
            case REQUEST_HEARING -> c.hearingRequested(on);
            case RECORD_HEARING -> {
                if (c.getHearingRequestedOn() == null) {
                    throw new ConflictException("NO_HEARING_REQUESTED", "当事人未申请听证");
                }
                c.hearingHeld(on);
            }
            case CONCLUDE_STATEMENT -> c.statementConcluded(Boolean.TRUE.equals(cmd.waived()), cmd.penalty(), cmd.fine());
            case DECIDE -> c.decided(on);
            case SERVE_DECISION -> c.decisionServed(on);
            case RECORD_PAYMENT -> {
                if (cmd.amount() == null) {
                    throw new InvalidInputException("amount", "REQUIRED", "请填写缴款金额");
                }
                c.paid(cmd.amount(), on);
            }
            case APPLY_ENFORCEMENT -> c.enforcementApplied(on);
            case REQUEST_CLOSING -> c.requestClosing();
            case FLAG_CRIMINAL -> {
                requireReason(cmd);
                c.flagCriminal(cmd.reason(), on);
            }
            case DECIDE_TRANSFER -> {
                requireReason(cmd);
                if (cmd.transfer() == null) {
                    throw new InvalidInputException("transfer", "REQUIRED", "请选择批准移送或不批准移送");
                }
                c.transferDecided(cmd.transfer(), cmd.reason(), on);
            }
            case REASSIGN -> reassign(user, c, cmd);
        }
        record(user, c, before, cmd.action().name(), role, describe(cmd), rulesVersion);
        events.publishEvent(new CaseStepTaken(c.getId(), cmd.action().name(), before, c.getStage(), on, user.id(), null,
                Boolean.TRUE.equals(cmd.waived())));
        if (c.getStage() != before) {
            tasks.findByCaseIdAndStatus(c.getId(), CaseTask.Status.OPEN).ifPresent(t -> t.done(user.id()));
            if (c.getStage() != Stage.CLOSED) {
                tasks.save(new CaseTask(c, dueFor(c)));
            }
        }
        return c;
    }

    private void approve(PenaltyCase c, CaseCommand cmd, LocalDate on) {
        switch (c.getStage()) {
            case FILING_REVIEW -> c.filingApproved(on, on.plusDays(CaseDeadlines.HANDLING_DAYS));
            case TIER_UNIT, TIER_LEGAL, TIER_HEAD -> c.tierApproved(cmd.collectiveRecord());
            case CLOSING_REVIEW -> c.closed(on);
            default -> c.require(Stage.FILING_REVIEW, Stage.TIER_UNIT, Stage.TIER_LEGAL, Stage.TIER_HEAD, Stage.CLOSING_REVIEW);
        }
    }

    private void submit(PenaltyCase c, CaseCommand cmd, LocalDate on) {
        Outcome outcome = cmd.outcome() == null ? Outcome.PENALTY : cmd.outcome();
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome == Outcome.PENALTY && (cmd.penalty() == null || cmd.penalty().isBlank())) {
            problems.add(new FieldProblem("penalty", "REQUIRED", "请填写拟处罚内容"));
        }
        if (outcome != Outcome.PENALTY && (cmd.reason() == null || cmd.reason().isBlank())) {
            problems.add(new FieldProblem("reason", "REQUIRED", "请填写" + outcome.label() + "的理由"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BigDecimal fine = cmd.fine();
        boolean legal = Boolean.TRUE.equals(cmd.legalReviewRequired()) || reaches(c, ProcedureSettings.Purpose.LEGAL_REVIEW, fine, on);
        boolean collective = Boolean.TRUE.equals(cmd.collectiveRequired()) || reaches(c, ProcedureSettings.Purpose.COLLECTIVE, fine, on);
        boolean hearing = outcome == Outcome.PENALTY
                && (Boolean.TRUE.equals(cmd.hearingQualifies()) || reaches(c, ProcedureSettings.Purpose.HEARING, fine, on));
        // 第五十八条第一款第（二）项: a case that went through a hearing needs 法制审核
        legal = legal || c.getHearingHeldOn() != null;
        c.submitForReview(outcome, cmd.proposalRef(), cmd.penalty(), fine, cmd.bandMin(), cmd.bandMax(),
                cmd.reasoning() != null ? cmd.reasoning() : cmd.reason(),
                cmd.deviationReason(), legal, collective, hearing, settings.tiers(c.getAgencyId(), legal));
    }

    private boolean reaches(PenaltyCase c, ProcedureSettings.Purpose purpose, BigDecimal fine, LocalDate on) {
        return fine != null && settings.threshold(c.getAgencyId(), purpose, c.getPartyType(), on)
                .map(t -> t.reachedBy(fine)).orElse(false);
    }

    private void reassign(CurrentUser user, PenaltyCase c, CaseCommand cmd) {
        requireReason(cmd);
        CaseTask task = tasks.findByCaseIdAndStatus(c.getId(), CaseTask.Status.OPEN)
                .orElseThrow(() -> new ConflictException("NO_OPEN_TASK", "案件没有待办"));
        AppUser to = cmd.assigneeId() == null ? null : users.findById(cmd.assigneeId())
                .filter(u -> u.getAgencyId().equals(c.getAgencyId()))
                .filter(u -> CaseTask.HANDLERS.equals(task.getRole()) || DecidingBody.includes(u.getTownshipId(), c))
                .orElse(null);
        if (to == null) {
            throw new InvalidInputException("assigneeId", "UNKNOWN_USER", "改派对象不存在或不属于本机关");
        }
        boolean fits = CaseTask.HANDLERS.equals(task.getRole()) ? c.getHandlerIds().contains(to.getId())
                : to.getRoles().contains(Role.valueOf(task.getRole()));
        if (!fits || (task.getStage() == Stage.TIER_LEGAL && c.getHandlerIds().contains(to.getId()))) {
            throw new InvalidInputException("assigneeId", "WRONG_ROLE", "改派对象不具备办理该环节的角色");
        }
        task.reassign(to.getId());
    }

    // ---------------------------------------------------------------- who may

    /** The role label the user acts in; refuses (403, audited) anyone else. */
    private String authorise(CurrentUser user, PenaltyCase c, CaseCommand cmd, LocalDate on) {
        Action a = cmd.action();
        if ((a == Action.APPROVE || a == Action.RETURN || a == Action.REASSIGN || a == Action.DECIDE_TRANSFER)
                && !DecidingBody.includes(user, c)) {
            deny(user, c, a, "NOT_THE_DECIDING_BODY", DecidingBody.refusal(c));
        }
        if (a == Action.REASSIGN) {
            if (!user.has(Role.UNIT_HEAD) && !user.has(Role.APPROVER)) {
                deny(user, c, a, "只有执法机构负责人或负责人可以改派待办");
            }
            return user.has(Role.UNIT_HEAD) ? Role.UNIT_HEAD.label() : Role.APPROVER.label();
        }
        if (a == Action.DECIDE_TRANSFER) {
            if (!user.has(Role.APPROVER)) {
                deny(user, c, a, "移送涉嫌犯罪案件由负责人审批（国务院令第310号第五条）");
            }
            return Role.APPROVER.label();
        }
        if (a == Action.FLAG_CRIMINAL) {
            if (c.getHandlerIds().contains(user.id()) || user.has(Role.APPROVER) || user.has(Role.UNIT_HEAD)
                    || user.has(Role.LEGAL_REVIEWER)) {
                return "承办人或审核人员";
            }
            deny(user, c, a, "只有承办人或审核、审批人员可以标记涉嫌犯罪");
        }
        if (a == Action.APPROVE || a == Action.RETURN) {
            Role reviewer = c.getStage().reviewer();
            if (reviewer == null || !user.has(reviewer)) {
                deny(user, c, a, "当前环节“" + c.getStage().label() + "”"
                        + (reviewer == null ? "不是审批环节" : "应由" + reviewer.label() + "办理"));
            }
            CaseTask task = tasks.findByCaseIdAndStatus(c.getId(), CaseTask.Status.OPEN).orElse(null);
            if (task != null && task.getAssigneeId() != null && !task.getAssigneeId().equals(user.id())) {
                deny(user, c, a, "该待办已改派给他人");
            }
            if (c.getStage() == Stage.TIER_LEGAL) {
                if (c.getHandlerIds().contains(user.id())) {
                    deny(user, c, a, "法制审核人员不得是本案承办人");
                }
                if (!certificates.qualifiedLegalReviewer(user.id(), on)) {
                    deny(user, c, a, "不具备法制审核资格");
                }
            }
            return reviewer.label();
        }
        requireHandler(user, c, on);
        return "承办人";
    }

    /** A handler of the case; a township enforcer only while the delegation covers the matter. */
    void requireHandler(CurrentUser user, PenaltyCase c, LocalDate on) {
        if (!c.getHandlerIds().contains(user.id())) {
            deny(user, c, null, "只有本案承办人可以办理该环节");
        }
        if (user.has(Role.TOWNSHIP_ENFORCER)) {
            // re-checked on every step: a 委托书 that expired, or a matter taken out of the catalogue, stops the work
            ActingAuthority.Verdict v = authority.verdict(user, c.getMatterCode(), c.getTownshipId(), on);
            if (!v.allowed()) {
                deny(user, c, null, v.code(), v.message() + "，不能继续办理本案");
            }
        }
    }

    void deny(CurrentUser user, PenaltyCase c, Action a, String why) {
        deny(user, c, a, null, why);
    }

    private void deny(CurrentUser user, PenaltyCase c, Action a, String code, String why) {
        separateTx.executeWithoutResult(s -> audit.record(user.username(), "CASE_STEP_FORBIDDEN", "PenaltyCase",
                c == null ? null : c.getId(), "action=" + (a == null ? "" : a.name()) + "; stage="
                        + (c == null ? "" : c.getStage().name()) + (code == null ? "" : "; code=" + code) + "; reason=" + why));
        throw code == null ? new AccessDeniedException(why) : new ForbiddenException(code, why);
    }

    private void refuseIfMissing(CurrentUser user, PenaltyCase c, Action a, ProcedureRules.Evaluation checked) {
        List<Missing> missing = checked.missing();
        if (missing.isEmpty()) {
            return;
        }
        String message = (c == null ? "" : "案件当前处于“" + c.getStage().label() + "”，不能" + a.label() + "。")
                + String.join("；", missing.stream().map(Missing::message).toList());
        separateTx.executeWithoutResult(s -> audit.record(user.username(), "CASE_STEP_REFUSED", "PenaltyCase",
                c == null ? null : c.getId(), "action=" + a.name() + "; rules="
                        + missing.stream().map(Missing::rule).toList() + "; 程序规则 " + checked.version() + "; " + message));
        throw new ProcedureViolation(missing, message);
    }

    // ---------------------------------------------------------------- facts for the rules

    private static String ruleAction(PenaltyCase c, Action a) {
        if (a == Action.APPROVE) {
            return switch (c.getStage()) {
                case TIER_HEAD -> "APPROVE_HEAD";
                case CLOSING_REVIEW -> "CLOSE";
                default -> "APPROVE";
            };
        }
        return a.name();
    }

    private CaseFacts facts(PenaltyCase c, String action, CurrentUser user, CaseCommand cmd, LocalDate on) {
        CaseFacts f = new CaseFacts();
        f.setAction(action);
        Outcome outcome = c.getOutcome();
        if ("SUBMIT".equals(action) && cmd != null) {
            outcome = cmd.outcome() == null ? Outcome.PENALTY : cmd.outcome();
            f.setDeviationWithoutReason(deviates(cmd) && (cmd.deviationReason() == null || cmd.deviationReason().isBlank()));
        }
        f.setOutcome(outcome == null ? "PENALTY" : outcome.name());
        List<CaseAct> all = acts.findByCaseIdOrderById(c.getId());
        f.setInvestigativeActs((int) all.stream().filter(x -> x.getKind() == ActKind.INTERROGATION
                || x.getKind() == ActKind.SITE_EXAMINATION || x.getKind() == ActKind.EVIDENCE).count());
        f.setUncertifiedActs((int) all.stream().filter(x -> !x.isCertified() || x.getOfficerIds().size() < 2).count());
        f.setLegalReviewRequired(c.isLegalReviewRequired());
        f.setLegalReviewDone(c.isLegalReviewDone());
        f.setCollectiveRequired(c.isCollectiveRequired());
        String collective = c.getCollectiveRecord();
        if (cmd != null && cmd.collectiveRecord() != null && !cmd.collectiveRecord().isBlank()) {
            collective = cmd.collectiveRecord();
        }
        f.setCollectiveRecorded(collective != null && !collective.isBlank());
        f.setNoticeServed(c.getNoticeServedOn() != null);
        f.setHearingQualifies(c.isHearingQualifies());
        f.setHearingRequested(c.getHearingRequestedOn() != null);
        f.setHearingHeld(c.getHearingHeldOn() != null);
        if (c.getNoticeServedOn() != null) {
            LocalDate windowEnd = calendar.plusWorkingDays(c.getNoticeServedOn(), 5).date();
            f.setHearingRequestLate(on.isAfter(windowEnd));
            f.setHearingWindowOpen(!on.isAfter(windowEnd));
        }
        f.setRightsWaived(c.isRightsWaived() || (cmd != null && Boolean.TRUE.equals(cmd.waived())));
        f.setStatementConcluded(c.isStatementConcluded());
        if (cmd != null && cmd.fine() != null && c.getNoticedFine() != null) {
            f.setHeavierThanNoticed(cmd.fine().compareTo(c.getNoticedFine()) > 0);
        }
        f.setDecisionServed(c.getDecisionServedOn() != null);
        f.setExecutionDone(c.executionDone());
        f.setCriminalFlag(c.isCriminalFlag());
        f.setTransferDecided(c.getTransferDecision() != null);
        f.setSignerCertified(certificates.certifiedOn(user.id(), on));
        return f;
    }

    private static boolean deviates(CaseCommand cmd) {
        if (cmd.fine() == null) {
            return false;
        }
        return (cmd.bandMin() != null && cmd.fine().compareTo(cmd.bandMin()) < 0)
                || (cmd.bandMax() != null && cmd.fine().compareTo(cmd.bandMax()) > 0);
    }

    // ---------------------------------------------------------------- history

    private void record(CurrentUser user, PenaltyCase c, Stage before, String action, String role, String reason,
                        String rulesVersion) {
        transitions.save(new CaseTransition(c.getId(), before, c.getStage(), action, user.id(), user.fullName(), role, reason,
                rulesVersion));
        audit.record(user.username(), "CASE_" + action, "PenaltyCase", c.getId(),
                "role=" + role + "; before=" + (before == null ? "" : before.name()) + "; after=" + c.getStage().name()
                        + (reason == null ? "" : "; " + reason) + (rulesVersion == null ? "" : "; 程序规则 " + rulesVersion));
    }

    private static String describe(CaseCommand cmd) {
        List<String> parts = new ArrayList<>();
        if (cmd.reason() != null && !cmd.reason().isBlank()) {
            parts.add("理由：" + cmd.reason());
        }
        if (cmd.target() != null) {
            parts.add("退回至：" + cmd.target().label());
        }
        if (cmd.penalty() != null) {
            parts.add("处罚：" + cmd.penalty());
        }
        if (cmd.fine() != null) {
            parts.add("罚款：" + cmd.fine().toPlainString() + "元");
        }
        if (cmd.amount() != null) {
            parts.add("金额：" + cmd.amount().toPlainString() + "元");
        }
        if (cmd.collectiveRecord() != null && !cmd.collectiveRecord().isBlank()) {
            parts.add("集体讨论：" + cmd.collectiveRecord());
        }
        if (cmd.transfer() != null) {
            parts.add("移送决定：" + cmd.transfer().name());
        }
        if (cmd.assigneeId() != null) {
            parts.add("改派给用户#" + cmd.assigneeId());
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private static void requireReason(CaseCommand cmd) {
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw new InvalidInputException("reason", "REQUIRED", "请填写理由");
        }
    }

    private LocalDate dueFor(PenaltyCase c) {
        return switch (c.getStage()) {
            case STATEMENT -> c.isHearingQualifies() ? calendar.plusWorkingDays(c.getNoticeServedOn(), 5).date()
                    : c.getHandlingDeadline();
            case SERVICE -> calendar.plusWorkingDays(c.getDecidedOn(), 7).date();
            case EXECUTION -> c.getDecisionServedOn() == null ? null : c.getDecisionServedOn().plusDays(CaseDeadlines.PAYMENT_DAYS);
            case INVESTIGATION, HANDLING, TIER_UNIT, TIER_LEGAL, TIER_HEAD, NOTICE, DECISION -> c.getHandlingDeadline();
            default -> null;
        };
    }
}

package cn.yjzf.casedocuments;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.CaseAct;
import cn.yjzf.casework.CaseNumbering;
import cn.yjzf.casework.CaseEnums;
import cn.yjzf.casework.CaseEnums.ActKind;
import cn.yjzf.casework.CaseExecution;
import cn.yjzf.casework.CaseEnums.PartyType;
import cn.yjzf.casework.CaseStepTaken;
import cn.yjzf.casework.CaseworkService;
import cn.yjzf.casework.Certificates;
import cn.yjzf.casework.PenaltyCase;
import cn.yjzf.casework.Stage;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import cn.yjzf.documents.IssuedDocuments;
import cn.yjzf.documents.NumberRequest;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 执法文书 of penalty cases: issued when their step is taken (in the step's transaction, so a broken template
 * refuses the step and returns the number), issued on demand where the case has no step for them (询问通知书,
 * 事先催告书), previewed as drafts, and corrected only by superseding. Reads go through {@link CaseworkService#get}, so
 * another jurisdiction's case or document is the same 404 as a missing one.
 */
@Service
public class CaseDocuments {

    static final String OWNER = "PENALTY_CASE";

    /** At most one current document of these per case: issuing again (after a return) supersedes the previous one. */
    private static final Set<DocumentType> ONE_PER_CASE = EnumSet.of(DocumentType.CASE_FILING,
            DocumentType.INVESTIGATION_REPORT, DocumentType.LEGAL_REVIEW_OPINION, DocumentType.COLLECTIVE_DISCUSSION,
            DocumentType.HANDLING_APPROVAL, DocumentType.PENALTY_NOTICE, DocumentType.HEARING_NOTICE,
            DocumentType.STATEMENT_RECORD, DocumentType.HEARING_RECORD, DocumentType.PENALTY_DECISION_ORGANISATION,
            DocumentType.PENALTY_DECISION_INDIVIDUAL, DocumentType.SERVICE_RECEIPT, DocumentType.CASE_CLOSING,
            DocumentType.SUMMARY_DECISION_ORGANISATION, DocumentType.SUMMARY_DECISION_INDIVIDUAL,
            DocumentType.TRANSFER_APPROVAL, DocumentType.CRIMINAL_CASE_TRANSFER, DocumentType.HEARING_MEETING_NOTICE);

    /** Documents without a step of their own, issued by a handler when needed, and the step they belong to. */
    static final Map<DocumentType, Stage> ON_DEMAND = Map.of(DocumentType.INQUIRY_NOTICE, Stage.INVESTIGATION,
            DocumentType.ENFORCEMENT_REMINDER, Stage.EXECUTION);

    private final CaseworkService cases;
    private final IssuedDocuments store;
    private final CaseDocumentData data;
    private final AppUserRepository users;
    private final CaseNumbering numbering;
    private final CaseExecution execution;
    private final Certificates certificates;
    private final AuditTrail audit;
    private final AppTime time;

    CaseDocuments(CaseworkService cases, IssuedDocuments store, CaseDocumentData data, AppUserRepository users,
                  CaseNumbering numbering, CaseExecution execution, Certificates certificates, AuditTrail audit, AppTime time) {
        this.cases = cases;
        this.store = store;
        this.data = data;
        this.users = users;
        this.numbering = numbering;
        this.execution = execution;
        this.certificates = certificates;
        this.audit = audit;
        this.time = time;
    }

    // ---------------------------------------------------------------- issued at the step

    /** Runs inside the step's transaction: an exception here (e.g. a broken template) refuses the step. */
    @EventListener
    public void stepTaken(CaseStepTaken e) {
        CurrentUser user = CurrentUser.of(users.findById(e.actorId()).orElseThrow());
        PenaltyCase c = cases.get(user, e.caseId());
        switch (e.action()) {
            case "ACT" -> {
                CaseAct act = cases.acts(user, c.getId()).stream().filter(a -> a.getId().equals(e.actId())).findFirst().orElseThrow();
                if (act.getKind() == ActKind.INTERROGATION) {
                    issue(user, c, DocumentType.INQUIRY_RECORD, e.on(), act, null);
                } else if (act.getKind() == ActKind.SITE_EXAMINATION) {
                    issue(user, c, DocumentType.SITE_EXAMINATION_RECORD, e.on(), act, null);
                }
            }
            case "APPROVE" -> approved(user, c, e);
            case "CONCLUDE_INVESTIGATION" -> issue(user, c, DocumentType.INVESTIGATION_REPORT, e.on(), null, null);
            case "SERVE_NOTICE" -> {
                issue(user, c, DocumentType.PENALTY_NOTICE, e.on(), null, null);
                if (c.isHearingQualifies()) {
                    issue(user, c, DocumentType.HEARING_NOTICE, e.on(), null, null);
                }
                issue(user, c, DocumentType.SERVICE_RECEIPT, e.on(), null, "送达行政处罚告知书，更新文书送达回执");
            }
            case "RECORD_HEARING" -> issue(user, c, DocumentType.HEARING_RECORD, e.on(), null, null);
            case "CONCLUDE_STATEMENT" -> {
                if (!e.waived()) {
                    issue(user, c, DocumentType.STATEMENT_RECORD, e.on(), null, null);
                }
            }
            case "DECIDE" -> issue(user, c, c.getPartyType() == PartyType.INDIVIDUAL
                    ? DocumentType.PENALTY_DECISION_INDIVIDUAL : DocumentType.PENALTY_DECISION_ORGANISATION, e.on(), null, null);
            case "SERVE_DECISION" -> issue(user, c, DocumentType.SERVICE_RECEIPT, e.on(), null, "送达行政处罚决定书，更新文书送达回执");
            case "SUMMARY_DECIDE" -> issue(user, c, c.getPartyType() == PartyType.INDIVIDUAL
                    ? DocumentType.SUMMARY_DECISION_INDIVIDUAL : DocumentType.SUMMARY_DECISION_ORGANISATION, e.on(), null, null);
            case "DECIDE_TRANSFER" -> { // 国务院令第310号第五条: approved or not, the decision is recorded; approved → 移送书
                issue(user, c, DocumentType.TRANSFER_APPROVAL, e.on(), null, null);
                if (c.getTransferDecision() == CaseEnums.TransferDecision.TRANSFER) {
                    issue(user, c, DocumentType.CRIMINAL_CASE_TRANSFER, e.on(), null, null);
                }
            }
            case "APPROVE_PAYMENT_ARRANGEMENT" -> issue(user, c, DocumentType.PAYMENT_ARRANGEMENT_APPROVAL, e.on(), null, null);
            case "APPLY_ENFORCEMENT" -> issue(user, c, DocumentType.COURT_ENFORCEMENT_APPLICATION, e.on(), null, null);
            default -> {
                // other steps issue no document
            }
        }
    }

    private void approved(CurrentUser user, PenaltyCase c, CaseStepTaken e) {
        Stage before = e.before();
        if (before == Stage.FILING_REVIEW) {
            issue(user, c, DocumentType.CASE_FILING, e.on(), null, null);
        } else if (before == Stage.CLOSING_REVIEW) {
            issue(user, c, DocumentType.CASE_CLOSING, e.on(), null, null);
        } else if (before != null && before.isTier()) {
            if (before == Stage.TIER_LEGAL) {
                issue(user, c, DocumentType.LEGAL_REVIEW_OPINION, e.on(), null, null);
            }
            if (before == Stage.TIER_HEAD && c.getCollectiveRecord() != null && !c.getCollectiveRecord().isBlank()) {
                issue(user, c, DocumentType.COLLECTIVE_DISCUSSION, e.on(), null, null);
            }
            if (!e.after().isTier()) { // the last tier: the 呈批表 carries every tier's opinion
                issue(user, c, DocumentType.HANDLING_APPROVAL, e.on(), null, null);
            }
        }
    }

    // ---------------------------------------------------------------- on demand, drafts, corrections

    @Transactional
    public IssuedDocument issueOnDemand(CurrentUser user, Long caseId, DocumentType type) {
        PenaltyCase c = cases.get(user, caseId);
        Stage stage = ON_DEMAND.get(type);
        if (stage == null) {
            throw new InvalidInputException("type", "NOT_ON_DEMAND", "该文书在办理相应环节时自动生成，不能单独签发");
        }
        requireSigningHandler(user, c);
        if (c.getStage() != stage) {
            throw new ConflictException("WRONG_STAGE", type.title() + "只能在“" + stage.label() + "”环节签发，案件当前处于“"
                    + c.getStage().label() + "”");
        }
        if (type == DocumentType.ENFORCEMENT_REMINDER && c.executionDone()) {
            throw new ConflictException("NOTHING_TO_ENFORCE", "罚款已缴清或已申请强制执行，无需催告");
        }
        return issue(user, c, type, time.today(), null, null);
    }

    /** A new numbered document from the case's current data replaces an issued one; the reason is kept on the old one. */
    @Transactional
    public IssuedDocument supersede(CurrentUser user, Long caseId, Long documentId, String reason) {
        PenaltyCase c = cases.get(user, caseId);
        IssuedDocument old = store.find(OWNER, c.getId(), documentId).orElseThrow(() -> new NotFoundException("文书"));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "REQUIRED", "请填写更正理由");
        }
        requireSigningHandler(user, c);
        CaseAct act = actOf(user, c, old);
        IssuedDocument next = store.supersede(old, request(user, c, old.getType(), time.today(), act), reason.trim());
        audit.record(user.username(), "CASE_DOCUMENT_SUPERSEDED", "PenaltyCase", c.getId(), "document=" + old.getId()
                + "; no=" + old.getDocumentNo() + "; by=" + next.getId() + "; newNo=" + next.getDocumentNo() + "; reason=" + reason.trim());
        return next;
    }

    @Transactional(readOnly = true)
    public byte[] draft(CurrentUser user, Long caseId, DocumentType type) {
        PenaltyCase c = cases.get(user, caseId);
        if (type == DocumentType.RECTIFICATION_ORDER || type == DocumentType.INSPECTION_RECORD) {
            throw new NotFoundException("文书");
        }
        return store.draft(type, time.today(), data.of(c, cases.history(user, caseId), cases.acts(user, caseId),
                store.entitiesOf(OWNER, caseId), null, execution.state(user, caseId)));
    }

    @Transactional(readOnly = true)
    public List<IssuedDocument> list(CurrentUser user, Long caseId) {
        cases.get(user, caseId);
        return store.entitiesOf(OWNER, caseId);
    }

    @Transactional(readOnly = true)
    public IssuedDocument document(CurrentUser user, Long caseId, Long documentId) {
        cases.get(user, caseId);
        return store.find(OWNER, caseId, documentId).orElseThrow(() -> new NotFoundException("文书"));
    }

    // ---------------------------------------------------------------- issuing

    /** For the case records kept in this package (听证会, 送达): issues in the caller's transaction. */
    IssuedDocument issueFor(CurrentUser user, PenaltyCase c, DocumentType type, LocalDate on, String supersedeReason) {
        return issue(user, c, type, on, null, supersedeReason);
    }

    private IssuedDocument issue(CurrentUser user, PenaltyCase c, DocumentType type, LocalDate on, CaseAct act,
                                 String supersedeReason) {
        IssuedDocuments.Issue request = request(user, c, type, on, act);
        IssuedDocument current = ONE_PER_CASE.contains(type) ? store.entitiesOf(OWNER, c.getId()).stream()
                .filter(d -> d.getType() == type && !d.isSuperseded()).findFirst().orElse(null) : null;
        IssuedDocument doc = current == null ? store.issue(request)
                : store.supersede(current, request, supersedeReason != null ? supersedeReason : "案件经退回或变更后重新办理");
        audit.record(user.username(), "CASE_DOCUMENT_ISSUED", "PenaltyCase", c.getId(), "document=" + doc.getId()
                + "; type=" + type.name() + "; no=" + (doc.getDocumentNo() == null ? "" : doc.getDocumentNo())
                + "; pdf=" + doc.getPdfSha256() + "; template=" + doc.getTemplateName() + "@" + doc.getTemplateSha256()
                + (current == null ? "" : "; supersedes=" + current.getId()));
        return doc;
    }

    private IssuedDocuments.Issue request(CurrentUser user, PenaltyCase c, DocumentType type, LocalDate on, CaseAct act) {
        AppUser signer = users.findById(user.id()).orElseThrow();
        NumberRequest number = numbering.request(c, type, on.getYear(), user.id(), signer.getCertificateNo());
        Map<String, Object> model = data.of(c, cases.history(user, c.getId()), cases.acts(user, c.getId()),
                store.entitiesOf(OWNER, c.getId()), act, execution.state(user, c.getId()));
        return new IssuedDocuments.Issue(type, OWNER, c.getId(), number, on, user.id(), user.fullName(), model);
    }

    private static final java.util.regex.Pattern ACT_ID = java.util.regex.Pattern.compile("\"act\":\\{\"id\":\"(\\d+)\"");

    /** A 笔录 corrected keeps recording the same act (its id is in the snapshot). */
    private CaseAct actOf(CurrentUser user, PenaltyCase c, IssuedDocument old) {
        java.util.regex.Matcher m = ACT_ID.matcher(old.getDataSnapshot());
        if (!m.find()) {
            return null;
        }
        Long id = Long.valueOf(m.group(1));
        return cases.acts(user, c.getId()).stream().filter(a -> a.getId().equals(id)).findFirst().orElse(null);
    }

    /** Only a handler holding a valid 执法证 signs (others may draft); a refusal is audited. */
    void requireSigningHandler(CurrentUser user, PenaltyCase c) {
        String why = !c.getHandlerIds().contains(user.id()) ? "只有本案承办人可以签发文书"
                : !certificates.certifiedOn(user.id(), time.today()) ? "没有有效的执法证，不能签发文书（可预览草稿）" : null;
        if (why != null) {
            audit.recordSeparately(user.username(), "CASE_DOCUMENT_FORBIDDEN", "PenaltyCase", c.getId(), why);
            throw new AccessDeniedException(why);
        }
    }
}

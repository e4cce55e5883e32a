package cn.yjzf.casedocuments;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casedocuments.CaseDocumentDtos.ServiceBody;
import cn.yjzf.casedocuments.CaseDocumentDtos.ServiceRow;
import cn.yjzf.casework.CaseworkService;
import cn.yjzf.casework.PenaltyCase;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import cn.yjzf.documents.IssuedDocuments;
import cn.yjzf.organisation.CurrentUser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records how a served document of a case was served (送达方式, recipient, place, date) and re-issues the case's
 * 文书送达回执 so that its rows print them — in one transaction, audited. A record is evidence: one per document,
 * never edited; a wrong one is answered by superseding the document and serving the new one.
 */
@Service
class DocumentServices {

    /** Documents the party is served with (the others are internal: 审批表, 笔录, 呈批表 …). */
    static final Set<DocumentType> SERVED = EnumSet.of(DocumentType.INQUIRY_NOTICE, DocumentType.PENALTY_NOTICE,
            DocumentType.HEARING_NOTICE, DocumentType.HEARING_MEETING_NOTICE, DocumentType.PENALTY_DECISION_ORGANISATION,
            DocumentType.PENALTY_DECISION_INDIVIDUAL, DocumentType.SUMMARY_DECISION_ORGANISATION,
            DocumentType.SUMMARY_DECISION_INDIVIDUAL, DocumentType.ENFORCEMENT_REMINDER,
            DocumentType.PAYMENT_ARRANGEMENT_APPROVAL);

    private final CaseworkService cases;
    private final CaseDocuments documents;
    private final IssuedDocuments store;
    private final DocumentServiceRepository services;
    private final ServiceMethods methods;
    private final AuditTrail audit;
    private final AppTime time;

    DocumentServices(CaseworkService cases, CaseDocuments documents, IssuedDocuments store,
                     DocumentServiceRepository services, ServiceMethods methods, AuditTrail audit, AppTime time) {
        this.cases = cases;
        this.documents = documents;
        this.store = store;
        this.services = services;
        this.methods = methods;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public ServiceRow record(CurrentUser user, Long caseId, Long documentId, ServiceBody b) {
        PenaltyCase c = cases.get(user, caseId);
        IssuedDocument d = store.find(CaseDocuments.OWNER, c.getId(), documentId).orElseThrow(() -> new NotFoundException("文书"));
        documents.requireSigningHandler(user, c);
        if (!SERVED.contains(d.getType())) {
            throw new ConflictException("NOT_A_SERVED_DOCUMENT", d.getTitle() + "不向当事人送达");
        }
        if (d.isSuperseded()) {
            throw new ConflictException("DOCUMENT_SUPERSEDED", "该文书已被更正文书取代，请送达新的文书");
        }
        if (services.existsByDocumentId(d.getId())) {
            throw new ConflictException("SERVICE_ALREADY_RECORDED", "该文书的送达情况已经登记，送达记录不可修改");
        }
        List<FieldProblem> problems = new ArrayList<>();
        ServiceMethods.Method m = methods.find(b.method()).orElse(null);
        if (m == null) {
            problems.add(new FieldProblem("method", "UNKNOWN_SERVICE_METHOD", "送达方式应为："
                    + String.join("、", methods.methods().stream().map(x -> x.code() + " " + x.label()).toList())));
        } else {
            if (m.requiresPlace() && blank(b.place())) {
                problems.add(new FieldProblem("place", "REQUIRED", "请填写" + m.label() + "的送达地点"));
            }
            if (m.requiresConsent() && blank(b.consentRef())) {
                problems.add(new FieldProblem("consentRef", "CONSENT_REQUIRED",
                        "电子送达须当事人同意并签订确认书，请填写确认书（《中华人民共和国行政处罚法》第六十一条第二款）"));
            }
            if (m.requiresNote() && blank(b.note())) {
                problems.add(new FieldProblem("note", "REQUIRED", "请在备注中写明" + m.label() + "的情况（如见证人、代收人、公告载体）"));
            }
        }
        if (b.servedOn().isAfter(time.today())) {
            problems.add(new FieldProblem("servedOn", "DATE_IN_FUTURE", "送达日期不能晚于今天"));
        } else if (b.servedOn().isBefore(d.getIssuedOn())) {
            problems.add(new FieldProblem("servedOn", "BEFORE_ISSUED", "送达日期不能早于文书签发日期 " + d.getIssuedOn()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        DocumentService s = services.saveAndFlush(new DocumentService(d.getId(), c.getId(), m.code(), b.recipient().trim(),
                trim(b.place()), b.servedOn(), trim(b.consentRef()), trim(b.note()), user.id(), user.fullName()));
        audit.record(user.username(), "CASE_DOCUMENT_SERVED", "PenaltyCase", c.getId(), "document=" + d.getId()
                + "; no=" + (d.getDocumentNo() == null ? "" : d.getDocumentNo()) + "; method=" + m.code()
                + "; recipient=" + s.getRecipient() + "; on=" + b.servedOn());
        documents.issueFor(user, c, DocumentType.SERVICE_RECEIPT, time.today(), "登记" + d.getTitle() + "的送达情况，更新文书送达回执");
        return row(s);
    }

    @Transactional(readOnly = true)
    public List<ServiceRow> list(CurrentUser user, Long caseId) {
        cases.get(user, caseId);
        return services.findByCaseIdOrderById(caseId).stream().map(this::row).toList();
    }

    private ServiceRow row(DocumentService s) {
        return new ServiceRow(s.getId(), s.getDocumentId(), s.getMethod(), methods.label(s.getMethod()), s.getRecipient(),
                s.getPlace(), s.getServedOn(), s.getConsentRef(), s.getNote(), s.getServedByName());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}

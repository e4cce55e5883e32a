package cn.yjzf.rectification;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.documents.ChineseDates;
import cn.yjzf.documents.DocumentNumbers;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedNumber;
import cn.yjzf.documents.NumberRequest;
import cn.yjzf.documents.PdfRenderer;
import cn.yjzf.inspection.FindingView;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.InspectionView;
import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Jurisdiction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the documents that follow an order: the 整改复查意见书 when a re-inspection is recorded and the 现场处理措施决定书
 * when 第六十五条 measures are ordered. Each is numbered under the configured scope, rendered, stored with its snapshot
 * and SHA-256 and audited in the transaction of the step that caused it, so a failed rendering undoes the step and
 * returns the number.
 */
@Service
public class RectificationDocuments {

    private final RectificationDocumentRepository documents;
    private final RectificationService orders;
    private final InspectionService inspections;
    private final AgencyRepository agencies;
    private final AppUserRepository users;
    private final DocumentNumbers numbers;
    private final PdfRenderer renderer;
    private final ObjectMapper json;
    private final AuditTrail audit;

    RectificationDocuments(RectificationDocumentRepository documents, RectificationService orders,
                           InspectionService inspections, AgencyRepository agencies, AppUserRepository users,
                           DocumentNumbers numbers, PdfRenderer renderer, ObjectMapper json, AuditTrail audit) {
        this.documents = documents;
        this.orders = orders;
        this.inspections = inspections;
        this.agencies = agencies;
        this.users = users;
        this.numbers = numbers;
        this.renderer = renderer;
        this.json = json;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<RectificationDocument> ofOrder(Jurisdiction j, Long orderId) {
        orders.get(j, orderId);
        return documents.findByOrderIdOrderById(orderId);
    }

    @Transactional(readOnly = true)
    public RectificationDocument get(Jurisdiction j, Long id) {
        RectificationDocument d = documents.findById(id).orElseThrow(() -> new NotFoundException("文书"));
        orders.get(j, d.getOrderId()); // 404 outside the caller's jurisdiction
        return d;
    }

    /** The 整改复查意见书 for a re-inspection just recorded on {@code t}. */
    @Transactional(propagation = Propagation.MANDATORY)
    RectificationDocument reinspected(CurrentUser user, RectificationTrack t, boolean passed, String opinion,
                                      LocalDate newDeadline, LocalDate on) {
        return issue(user, t, DocumentType.REINSPECTION_OPINION, on, (view, order, item) -> new FollowUpDocument.Item(
                item.seq(), item.description(), item.grade(), passed ? "复查合格" : "复查不合格",
                opinion == null || opinion.isBlank() ? (passed ? "经复查，该隐患已整改完毕。" : "经复查，该隐患未整改完毕。") : opinion.strip(),
                passed || newDeadline == null ? null : ChineseDates.format(newDeadline)), List.of(), null);
    }

    /** The 现场处理措施决定书 for the 第六十五条 measures just ordered on {@code t}. */
    @Transactional(propagation = Propagation.MANDATORY)
    RectificationDocument measuresOrdered(CurrentUser user, RectificationTrack t, LocalDate on) {
        return issue(user, t, DocumentType.SITE_MEASURES_DECISION, on, (view, order, item) -> item,
                t.getMeasures().stream().map(SiteMeasure::label).toList(), t.getMeasuresNote());
    }

    private interface ItemLine {
        FollowUpDocument.Item line(InspectionView view, RectificationOrder order, FollowUpDocument.Item hazard);
    }

    private RectificationDocument issue(CurrentUser user, RectificationTrack t, DocumentType type, LocalDate on,
                                        ItemLine line, List<String> measures, String note) {
        RectificationOrder order = orders.get(user.jurisdiction(), t.getOrderId());
        InspectionView view = inspections.view(user.jurisdiction(), order.getInspectionId());
        Agency agency = agencies.findById(order.getAgencyId()).orElseThrow();
        IssuedNumber no = numbers.allocate(NumberRequest.outsideCase(agency.getId(), agency.getShortName(), type,
                on.getYear(), user.id(), users.findById(user.id()).map(AppUser::getCertificateNo).orElse(null)));
        FindingView f = view.findings().stream().filter(x -> x.hazard().getId().equals(t.getHazardId())).findFirst()
                .orElseThrow();
        FollowUpDocument.Item hazard = new FollowUpDocument.Item(t.getSeq(), f.finding().getDescription(),
                f.hazard().getGrade().label(), null, null, null);
        FollowUpDocument doc = new FollowUpDocument(agency.getName(), no.documentNo(), type.title(),
                view.enterprise().getName(), view.enterprise().getCreditCode(), view.enterprise().getAddress(),
                order.getDocumentNo(), ChineseDates.format(order.getIssueDate()),
                ChineseDates.format(view.inspection().getInspectionDate()), List.of(line.line(view, order, hazard)),
                measures, note, view.officers().stream()
                        .map(o -> new OrderDocument.Officer(o.getFullName(), o.getCertificateNo())).toList(),
                ChineseDates.format(on));
        byte[] pdf = render(type, doc);
        RectificationDocument saved = documents.saveAndFlush(new RectificationDocument(order.getId(), t.getId(),
                agency.getId(), type, no.documentNo(), no.year(), no.seq(), on, user.id(), snapshot(doc), pdf, RectificationService.sha256(pdf)));
        audit.record(user.username(), "RECTIFICATION_DOCUMENT_ISSUED", "RectificationDocument", saved.getId(),
                type.title() + " " + no.documentNo() + " 指令书" + order.getDocumentNo() + " 第" + t.getSeq() + "项 sha256:"
                        + saved.getPdfSha256());
        return saved;
    }

    /** Renders a stored snapshot again with the current template (the text must equal the issued one's). */
    public byte[] rerender(RectificationDocument d) {
        try {
            return render(d.getDocType(), json.readValue(d.getSnapshotJson(), FollowUpDocument.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("文书数据快照无法读取：" + d.getDocumentNo(), e);
        }
    }

    private byte[] render(DocumentType type, FollowUpDocument doc) {
        return renderer.render(type, Map.of("doc", doc));
    }

    private String snapshot(FollowUpDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.yjzf.rectification;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.documents.ChineseDates;
import cn.yjzf.documents.DocumentNumbers;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.PdfRenderer;
import cn.yjzf.inspection.FindingView;
import cn.yjzf.inspection.Inspection;
import cn.yjzf.inspection.InspectionMembers;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.InspectionView;
import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.documents.IssuedNumber;
import cn.yjzf.documents.NumberedPdf;
import cn.yjzf.documents.NumberRequest;
import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Jurisdiction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues the 责令限期整改指令书 for an inspection: numbered, rendered, stored, and the inspection frozen. */
@Service
public class RectificationService {

    private final RectificationOrderRepository orders;
    private final InspectionService inspections;
    private final AgencyRepository agencies;
    private final DocumentNumbers numbers;
    private final PdfRenderer pdf;
    private final AuditTrail audit;
    private final InspectionMembers members;
    private final RectificationTracks tracks;
    private final AppUserRepository users;

    RectificationService(RectificationOrderRepository orders, InspectionService inspections, AgencyRepository agencies,
                         DocumentNumbers numbers, PdfRenderer pdf, AuditTrail audit,
                         InspectionMembers members, RectificationTracks tracks, AppUserRepository users) {
        this.orders = orders;
        this.inspections = inspections;
        this.agencies = agencies;
        this.numbers = numbers;
        this.pdf = pdf;
        this.audit = audit;
        this.members = members;
        this.tracks = tracks;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Optional<RectificationOrder> forInspection(Jurisdiction j, Long inspectionId) {
        inspections.get(j, inspectionId);
        return orders.findByInspectionId(inspectionId);
    }

    @Transactional(readOnly = true)
    public RectificationOrder get(Jurisdiction j, Long orderId) {
        RectificationOrder order = orders.findById(orderId).orElseThrow(() -> new NotFoundException("整改指令书"));
        inspections.get(j, order.getInspectionId()); // NotFound outside the caller's jurisdiction
        return order;
    }

    @Transactional
    public RectificationOrder issue(CurrentUser user, Long inspectionId, IssueOrder cmd) {
        InspectionView view = inspections.view(user.jurisdiction(), inspectionId);
        Inspection inspection = view.inspection();
        members.requireRecorder(user, inspection);
        if (orders.findByInspectionId(inspectionId).isPresent()) {
            throw alreadyIssued();
        }
        List<RectificationItem> items = items(view, cmd);
        Agency agency = agencies.findById(inspection.getAgencyId()).orElseThrow();
        int year = cmd.issueDate().getYear();
        // under the configured scope (app.documents.sequence-scope): an order belongs to no case
        NumberRequest request = NumberRequest.outsideCase(agency.getId(), agency.getShortName(),
                DocumentType.RECTIFICATION_ORDER, year, user.id(),
                users.findById(user.id()).map(AppUser::getCertificateNo).orElse(null));
        // Laid out and drawn before the counter row is locked (a broken template fails here and draws no number);
        // under the lock only the number is written into the room reserved for it, then stored and committed.
        NumberedPdf laidOut = pdf.renderNumbered(pdf.template(DocumentType.RECTIFICATION_ORDER), numbers.shape(request),
                no -> Map.of("doc", document(agency, view, no, items, cmd.issueDate())));
        IssuedNumber drawn = numbers.allocate(request);
        String number = drawn.documentNo();
        RectificationOrder order = new RectificationOrder(inspectionId, agency.getId(), number, drawn.year(), drawn.seq(),
                cmd.issueDate(), user.id(), items);
        byte[] bytes = laidOut.withNumber(number);
        order.attachPdf(bytes, sha256(bytes));
        RectificationOrder saved;
        try {
            saved = orders.saveAndFlush(order);
        } catch (DataIntegrityViolationException race) { // another request issued first (uq_rectification_inspection)
            throw alreadyIssued();
        }
        inspection.orderIssued(saved.getId(), number);
        startLifecycle(view, saved);
        audit.record(user.username(), "RECTIFICATION_ORDER_ISSUED", "RectificationOrder", saved.getId(),
                number + " 检查" + inspectionId + " sha256:" + saved.getPdfSha256());
        return saved;
    }

    /** Every item of a new order starts its own lifecycle as 已下达 ({@link RectificationLifecycle}). */
    private void startLifecycle(InspectionView view, RectificationOrder order) {
        for (RectificationItem item : order.getItems()) {
            boolean major = view.findings().stream().anyMatch(f -> f.hazard().getId().equals(item.hazardId())
                    && f.hazard().getGrade() == HazardGrade.MAJOR);
            tracks.save(new RectificationTrack(order.getId(), item.seq(), item.hazardId(), order.getAgencyId(),
                    view.inspection().getTownshipId(), major, item.deadline()));
        }
    }

    private static ConflictException alreadyIssued() {
        return new ConflictException("ORDER_ALREADY_ISSUED", "本次检查已下达责令限期整改指令书");
    }

    private static List<RectificationItem> items(InspectionView view, IssueOrder cmd) {
        List<FieldProblem> problems = new ArrayList<>();
        List<RectificationItem> items = new ArrayList<>();
        if (cmd.issueDate().isBefore(view.inspection().getInspectionDate())) {
            problems.add(new FieldProblem("issueDate", "BEFORE_INSPECTION", "下达日期不能早于检查日期"));
        }
        Map<Integer, LocalDate> deadlines = cmd.deadlines() == null ? Map.of() : cmd.deadlines();
        for (FindingView f : view.findings()) {
            if (f.hazard().getGrade() == HazardGrade.UNMATCHED) {
                problems.add(new FieldProblem("findings[" + f.seq() + "]", "UNGRADED_FINDING",
                        "第" + f.seq() + "项检查发现未匹配判定标准，请先人工判定等级"));
                continue;
            }
            LocalDate deadline = deadlines.getOrDefault(f.seq(), cmd.defaultDeadline());
            if (deadline == null) {
                problems.add(new FieldProblem("deadlines[" + f.seq() + "]", "REQUIRED", "请填写第" + f.seq() + "项的整改期限"));
            } else if (deadline.isBefore(cmd.issueDate())) {
                problems.add(new FieldProblem("deadlines[" + f.seq() + "]", "DEADLINE_BEFORE_ISSUE",
                        "第" + f.seq() + "项的整改期限不能早于下达日期"));
            } else {
                items.add(new RectificationItem(items.size() + 1, f.hazard().getId(), deadline));
            }
        }
        if (view.findings().isEmpty()) {
            problems.add(new FieldProblem("findings", "NO_HAZARDS", "本次检查没有记录事故隐患，无需下达整改指令"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return items;
    }

    private static OrderDocument document(Agency agency, InspectionView view, String documentNo,
                                          List<RectificationItem> items, LocalDate issueDate) {
        List<OrderDocument.Line> lines = new ArrayList<>();
        for (RectificationItem item : items) {
            FindingView f = view.findings().stream().filter(x -> x.hazard().getId().equals(item.hazardId()))
                    .findFirst().orElseThrow();
            List<String> basis = f.hazard().getCitations().stream().map(Citation::display).toList();
            if (basis.isEmpty() && f.hazard().getManualReason() != null) {
                basis = List.of("人工判定：" + f.hazard().getManualReason());
            }
            lines.add(new OrderDocument.Line(item.seq(), f.finding().getDescription(), f.finding().getLocation(),
                    f.hazard().getGrade().label(), basis, ChineseDates.format(item.deadline())));
        }
        boolean hasMajor = view.findings().stream().anyMatch(f -> f.hazard().getGrade() == HazardGrade.MAJOR);
        return new OrderDocument(agency.getName(), documentNo, DocumentType.RECTIFICATION_ORDER.title(),
                view.enterprise().getName(), view.enterprise().getCreditCode(), view.enterprise().getAddress(),
                view.enterprise().getLegalRepresentative(), ChineseDates.format(view.inspection().getInspectionDate()),
                view.inspection().getPlace(), lines, hasMajor,
                view.officers().stream().map(o -> new OrderDocument.Officer(o.getFullName(), o.getCertificateNo())).toList(),
                ChineseDates.format(issueDate));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

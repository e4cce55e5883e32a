package cn.yjzf.rectification;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.CaseEnums;
import cn.yjzf.casework.CaseworkService;
import cn.yjzf.casework.NewCase;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.inspection.FindingView;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.InspectionView;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Jurisdiction;
import cn.yjzf.organisation.Role;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification lifecycle of each order item: who may take which step, on which item (the caller's jurisdiction
 * only; anything else is the same 404 as a missing item), at which version, each step audited in its transaction.
 */
@Service
public class RectificationLifecycle {

    /** The penalty catalogue's entry for 安全生产法 第一百零二条 (rules/penalty/anquanfa-2021/catalogue.yaml). */
    static final String OVERDUE_MATTER = "AQF-102";
    private static final Set<TrackStatus> DUE = EnumSet.of(TrackStatus.ORDERED, TrackStatus.RECTIFYING,
            TrackStatus.FAILED, TrackStatus.AWAITING_REINSPECTION);
    /** The reminder window: due within this many days (also used by the 挂牌督办 reminders). */
    public static final int DUE_SOON_DAYS = 7;

    private final RectificationTracks tracks;
    private final RectificationService orders;
    private final InspectionService inspections;
    private final CaseworkService casework;
    private final AuditTrail audit;
    private final AppTime time;
    private final cn.yjzf.inspection.InspectionDelegation delegation;
    private List<EscalationRemarks> remarks = List.of();
    private final RectificationDocuments followUps;

    RectificationLifecycle(RectificationTracks tracks, RectificationService orders, InspectionService inspections,
                           CaseworkService casework, AuditTrail audit, AppTime time, RectificationDocuments followUps,
                           cn.yjzf.inspection.InspectionDelegation delegation) {
        this.delegation = delegation;
        this.tracks = tracks;
        this.orders = orders;
        this.inspections = inspections;
        this.casework = casework;
        this.audit = audit;
        this.time = time;
        this.followUps = followUps;
    }

    /** Remarks other features add to an escalated case's cause (none when no feature provides one). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setEscalationRemarks(List<EscalationRemarks> remarks) {
        this.remarks = List.copyOf(remarks);
    }

    @Transactional(readOnly = true)
    public List<RectificationTrack> ofOrder(Jurisdiction j, Long orderId) {
        orders.get(j, orderId);
        return tracks.findByOrderIdOrderBySeq(orderId);
    }

    @Transactional(readOnly = true)
    public RectificationTrack get(Jurisdiction j, Long id) {
        RectificationTrack t = tracks.findById(id).orElseThrow(() -> new NotFoundException("整改事项"));
        orders.get(j, t.getOrderId()); // 404 outside the caller's jurisdiction
        return t;
    }

    /** Items whose deadline (re-inspection due) falls within the next seven days, and the overdue ones. */
    @Transactional(readOnly = true)
    public List<RectificationTrack> due(Jurisdiction j) {
        return tracks.dueBy(j.agencyId(), j.townshipId(), DUE, time.today().plusDays(DUE_SOON_DAYS));
    }

    @Transactional
    public RectificationTrack recordProgress(CurrentUser user, Long id, TrackAction a) {
        return step(user, id, a, Role.OFFICER, "RECTIFICATION_PROGRESS", t -> t.recordProgress(a.note()));
    }

    @Transactional
    public RectificationTrack requestReinspection(CurrentUser user, Long id, TrackAction a) {
        return step(user, id, a, Role.OFFICER, "RECTIFICATION_REINSPECTION_REQUESTED", t -> t.requestReinspection(a.note()));
    }

    @Transactional
    public RectificationTrack reinspect(CurrentUser user, Long id, TrackAction a) {
        if (a.passed() == null) {
            throw new InvalidInputException("passed", "REQUIRED", "请选择复查结论");
        }
        LocalDate today = time.today();
        return step(user, id, a, Role.OFFICER, a.passed() ? "RECTIFICATION_PASSED" : "RECTIFICATION_FAILED", t -> {
            if (a.passed()) {
                t.pass(today, a.note());
            } else {
                t.fail(today, a.note(), a.newDeadline());
            }
        }, t -> followUps.reinspected(user, t, a.passed(), a.note(), a.newDeadline(), today));
    }

    @Transactional
    public RectificationTrack requestExtension(CurrentUser user, Long id, TrackAction a) {
        return step(user, id, a, Role.OFFICER, "RECTIFICATION_EXTENSION_REQUESTED",
                t -> t.requestExtension(a.until(), a.note(), user.id()));
    }

    @Transactional
    public RectificationTrack decideExtension(CurrentUser user, Long id, TrackAction a) {
        if (a.approve() == null) {
            throw new InvalidInputException("approve", "REQUIRED", "请选择是否批准延期");
        }
        return step(user, id, a, Role.APPROVER, a.approve() ? "RECTIFICATION_EXTENSION_APPROVED"
                : "RECTIFICATION_EXTENSION_REFUSED", t -> t.decideExtension(a.approve(), user.id()));
    }

    @Transactional
    public RectificationTrack orderMeasures(CurrentUser user, Long id, TrackAction a) {
        LocalDate today = time.today();
        return step(user, id, a, Role.OFFICER, "RECTIFICATION_SITE_MEASURES", t -> t.orderMeasures(a.measures(), a.note(), today),
                t -> followUps.measuresOrdered(user, t, today));
    }

    /** 立案 in one step: a penalty case pre-filled from the hazard and the order, source 逾期未整改, 第一百零二条. */
    @Transactional
    public RectificationTrack escalate(CurrentUser user, Long id, TrackAction a) {
        return step(user, id, a, Role.OFFICER, "RECTIFICATION_ESCALATED", t -> {
            if (!t.escalatable()) {
                t.escalated(null); // throws the precise refusal
            }
            RectificationOrder order = orders.get(user.jurisdiction(), t.getOrderId());
            InspectionView view = inspections.view(user.jurisdiction(), order.getInspectionId());
            String finding = view.findings().stream().filter(f -> f.hazard().getId().equals(t.getHazardId()))
                    .map(FindingView::finding).map(f -> f.getDescription()).findFirst().orElse("");
            String cause = (t.getStatus() == TrackStatus.FAILED ? "复查未通过：" : "逾期未整改：") + "未按"
                    + order.getDocumentNo() + "第" + t.getSeq() + "项要求消除事故隐患（" + finding + "）";
            String remark = remarks.stream().map(r -> r.about(view.enterprise().getId()))
                    .filter(x -> x != null && !x.isBlank()).map(x -> "；" + x).collect(java.util.stream.Collectors.joining());
            int room = Math.max(0, 300 - remark.length());
            NewCase cmd = new NewCase(view.enterprise().getId(), view.enterprise().getName(),
                    CaseEnums.PartyType.ORGANISATION, OVERDUE_MATTER, view.inspection().getTownshipId(),
                    CaseEnums.Source.OVERDUE_RECTIFICATION, order.getDocumentNo() + " 第" + t.getSeq() + "项",
                    (cause.length() > room ? cause.substring(0, room) : cause) + remark,
                    a.handlerIds() == null ? List.of() : a.handlerIds(), null, null, null, null);
            t.escalated(casework.open(user, cmd).getId());
        });
    }

    /** For 挂牌督办, which scopes by the supervising agency itself: the item whatever the caller's jurisdiction. */
    @Transactional(readOnly = true)
    public java.util.Optional<RectificationTrack> find(Long id) {
        return tracks.findById(id);
    }

    /** 挂牌督办: the supervising level approved an extension (checked and audited there); moves the deadline. */
    @Transactional
    public RectificationTrack extendBySupervision(String actor, Long id, LocalDate until) {
        return supervised(actor, id, "RECTIFICATION_SUPERVISED_EXTENSION", "挂牌督办延期至 " + until,
                t -> t.extendBySupervision(until));
    }

    /** 挂牌督办 销号 approved at the supervising level; refused unless the re-inspection passed. */
    @Transactional
    public RectificationTrack closeBySupervision(String actor, Long id, LocalDate on) {
        return supervised(actor, id, "RECTIFICATION_SUPERVISED_CLOSURE", "挂牌督办销号 " + on, t -> t.closeBySupervision(on));
    }

    private RectificationTrack supervised(String actor, Long id, String action, String detail,
                                          Consumer<RectificationTrack> transition) {
        RectificationTrack t = tracks.findById(id).orElseThrow(() -> new NotFoundException("整改事项"));
        transition.accept(t);
        tracks.saveAndFlush(t);
        audit.record(actor, action, "RectificationTrack", id, detail);
        return t;
    }

    /** The daily job's work: marks items past their deadline; each newly marked one is audited. */
    @Transactional
    public int markOverdue(LocalDate today) {
        List<RectificationTrack> late = tracks.newlyOverdue(EnumSet.of(TrackStatus.ORDERED, TrackStatus.RECTIFYING,
                TrackStatus.FAILED), today);
        for (RectificationTrack t : late) {
            if (t.markOverdueOn(today)) {
                audit.record("system", "RECTIFICATION_OVERDUE", "RectificationTrack", t.getId(),
                        "整改期限 " + t.getDeadline() + " 已过");
            }
        }
        return late.size();
    }

    private RectificationTrack step(CurrentUser user, Long id, TrackAction a, Role role, String action,
                                    Consumer<RectificationTrack> transition) {
        return step(user, id, a, role, action, transition, t -> { });
    }

    /** {@code issued}: the document the step issues, after the step is saved and audited, in the same transaction. */
    private RectificationTrack step(CurrentUser user, Long id, TrackAction a, Role role, String action,
                                    Consumer<RectificationTrack> transition, Consumer<RectificationTrack> issued) {
        RectificationTrack t = get(user.jurisdiction(), id);
        boolean allowed = role == Role.OFFICER ? user.has(Role.OFFICER) || user.has(Role.TOWNSHIP_ENFORCER) : user.has(role);
        if (!allowed) {
            throw new AccessDeniedException(action);
        }
        // 复查 and the other steps of a township enforcer are 行政检查: only under a valid delegation for it
        var notDelegated = delegation.refusal(user, t.getTownshipId(), null);
        if (notDelegated != null) {
            audit.recordSeparately(user.username(), "RECTIFICATION_FORBIDDEN", "RectificationTrack", t.getId(),
                    notDelegated.code() + "：" + notDelegated.getMessage());
            throw notDelegated;
        }
        if (a.version() == null || a.version() != t.getVersion()) {
            throw new ConflictException("CONCURRENT_EDIT", "该整改事项已被他人处理，请刷新后重试");
        }
        TrackStatus from = t.getStatus();
        transition.accept(t);
        tracks.saveAndFlush(t);
        audit.record(user.username(), action, "RectificationTrack", t.getId(),
                from.label() + " → " + t.getStatus().label() + "；期限 " + t.getDeadline()
                        + (a.note() == null ? "" : "；" + a.note().strip()));
        issued.accept(t);
        return t;
    }
}

package cn.yjzf.rectification;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One hazard of an order on its way to closure. Every transition is a method that checks the state it starts from
 * (wrong state → 409 {@code WRONG_STATE}); who may call it is checked by {@link RectificationLifecycle}.
 */
@Entity
public class RectificationTrack {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private int seq;
    private Long hazardId;
    private Long agencyId;
    private Long townshipId;
    private boolean major;
    @Enumerated(EnumType.STRING)
    private TrackStatus status;
    private LocalDate deadline;
    private boolean overdue;
    private String lastNote;
    private LocalDate extensionDeadline;
    private String extensionReason;
    private Long extensionRequestedBy;
    private int extensionsGranted;
    private String measures;
    private String measuresNote;
    private LocalDate measuresOn;
    private LocalDate workResumedOn;
    private LocalDate reinspectedOn;
    private Long caseId;
    private LocalDate closedOn;
    @Version
    private long version;

    protected RectificationTrack() {
    }

    RectificationTrack(Long orderId, int seq, Long hazardId, Long agencyId, Long townshipId, boolean major,
                       LocalDate deadline) {
        this.orderId = orderId;
        this.seq = seq;
        this.hazardId = hazardId;
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.major = major;
        this.deadline = deadline;
        this.status = TrackStatus.ORDERED;
    }

    /** The enterprise reports progress (recorded by the officer): 整改中. */
    void recordProgress(String note) {
        require(EnumSet.of(TrackStatus.ORDERED, TrackStatus.RECTIFYING, TrackStatus.FAILED), "登记整改情况");
        this.lastNote = requireNote(note);
        this.status = TrackStatus.RECTIFYING;
    }

    /** The enterprise reports the hazard rectified and asks for re-inspection: 待复查. */
    void requestReinspection(String note) {
        require(EnumSet.of(TrackStatus.ORDERED, TrackStatus.RECTIFYING, TrackStatus.FAILED), "申请复查");
        this.lastNote = requireNote(note);
        this.status = TrackStatus.AWAITING_REINSPECTION;
    }

    /** Passed: the hazard is closed and work stopped under 第六十五条 may resume (only now). */
    void pass(LocalDate on, String note) {
        require(EnumSet.of(TrackStatus.AWAITING_REINSPECTION), "复查");
        this.lastNote = requireNote(note);
        this.reinspectedOn = on;
        this.status = TrackStatus.PASSED;
        this.overdue = false;
        this.extensionDeadline = null;
        if (measures != null) {
            this.workResumedOn = on;
        }
    }

    /** Failed: a new deadline, or none when the officer means to escalate. */
    void fail(LocalDate on, String note, LocalDate newDeadline) {
        require(EnumSet.of(TrackStatus.AWAITING_REINSPECTION), "复查");
        this.lastNote = requireNote(note);
        if (newDeadline != null) {
            if (newDeadline.isBefore(on)) {
                throw new InvalidInputException("newDeadline", "DEADLINE_IN_PAST", "新的整改期限不能早于复查日期");
            }
            this.deadline = newDeadline;
            this.overdue = false;
        }
        this.reinspectedOn = on;
        this.status = TrackStatus.FAILED;
    }

    void requestExtension(LocalDate until, String reason, Long by) {
        require(EnumSet.of(TrackStatus.ORDERED, TrackStatus.RECTIFYING, TrackStatus.FAILED), "申请延期");
        if (extensionDeadline != null) {
            throw new ConflictException("EXTENSION_PENDING", "已有待审批的延期申请");
        }
        if (until == null || !until.isAfter(deadline)) {
            throw new InvalidInputException("until", "NOT_LATER", "延期后的期限应晚于现有整改期限");
        }
        this.extensionReason = requireNote(reason);
        this.extensionDeadline = until;
        this.extensionRequestedBy = by;
    }

    /** Decides the pending request; an approved one moves the deadline and lifts the overdue mark. */
    void decideExtension(boolean approve, Long by) {
        if (extensionDeadline == null) {
            throw new ConflictException("NO_EXTENSION_PENDING", "没有待审批的延期申请");
        }
        if (by.equals(extensionRequestedBy)) {
            throw new ConflictException("OWN_REQUEST", "不能审批本人提出的延期申请");
        }
        if (approve) {
            this.deadline = extensionDeadline;
            this.overdue = false;
            this.extensionsGranted++;
        }
        this.extensionDeadline = null;
        this.extensionReason = null;
        this.extensionRequestedBy = null;
    }

    /** 第六十五条 measures: only for a major hazard still being rectified. */
    void orderMeasures(Set<SiteMeasure> chosen, String note, LocalDate on) {
        require(EnumSet.of(TrackStatus.ORDERED, TrackStatus.RECTIFYING, TrackStatus.AWAITING_REINSPECTION,
                TrackStatus.FAILED), "采取现场处理措施");
        if (!major) {
            throw new ConflictException("NOT_MAJOR", "第六十五条的现场处理措施仅适用于重大事故隐患");
        }
        if (chosen == null || chosen.isEmpty()) {
            throw new InvalidInputException("measures", "REQUIRED", "请选择至少一项现场处理措施");
        }
        this.measures = chosen.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.measuresNote = requireNote(note);
        this.measuresOn = on;
        this.workResumedOn = null;
    }

    /** Marks the item overdue when its deadline has passed; true when the mark is new. */
    boolean markOverdueOn(LocalDate today) {
        if (status.open() && deadline.isBefore(today) && !overdue) {
            this.overdue = true;
            return true;
        }
        return false;
    }

    /** 立案: allowed for an overdue item or one that failed re-inspection. */
    void escalated(Long caseId) {
        if (!(status == TrackStatus.FAILED || (status.open() && overdue))) {
            throw new ConflictException("NOT_ESCALATABLE", "仅逾期未整改或复查未通过的隐患可以立案查处");
        }
        this.caseId = caseId;
        this.status = TrackStatus.ESCALATED;
    }

    /** 挂牌督办: an extension approved at the supervising level moves this item's deadline too. */
    void extendBySupervision(LocalDate until) {
        require(EnumSet.of(TrackStatus.ORDERED, TrackStatus.RECTIFYING, TrackStatus.FAILED), "延期");
        if (until == null || !until.isAfter(deadline)) {
            throw new InvalidInputException("until", "NOT_LATER", "延期后的期限应晚于现有整改期限");
        }
        this.deadline = until;
        this.overdue = false;
        this.extensionsGranted++;
    }

    /** 挂牌督办 销号: only a hazard whose re-inspection passed may be closed. */
    void closeBySupervision(LocalDate on) {
        require(EnumSet.of(TrackStatus.PASSED), "销号");
        if (closedOn != null) {
            throw new ConflictException("ALREADY_CLOSED", "该隐患已销号");
        }
        this.closedOn = on;
    }

    boolean escalatable() {
        return caseId == null && (status == TrackStatus.FAILED || (status.open() && overdue));
    }

    private void require(Set<TrackStatus> from, String action) {
        if (!from.contains(status)) {
            throw new ConflictException("WRONG_STATE", "当前状态为「" + status.label() + "」，不能" + action);
        }
    }

    private static String requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "REQUIRED", "请填写说明");
        }
        if (note.length() > 500) {
            throw new InvalidInputException("note", "LENGTH", "说明不能超过500字");
        }
        return note.strip();
    }

    public Long getId() { return id; }

    public Long getOrderId() { return orderId; }

    public int getSeq() { return seq; }

    public Long getHazardId() { return hazardId; }

    public Long getAgencyId() { return agencyId; }

    public Long getTownshipId() { return townshipId; }

    public boolean isMajor() { return major; }

    public TrackStatus getStatus() { return status; }

    public LocalDate getDeadline() { return deadline; }

    public boolean isOverdue() { return overdue; }

    public String getLastNote() { return lastNote; }

    public LocalDate getExtensionDeadline() { return extensionDeadline; }

    public String getExtensionReason() { return extensionReason; }

    public int getExtensionsGranted() { return extensionsGranted; }

    public List<SiteMeasure> getMeasures() {
        return measures == null ? List.of() : Arrays.stream(measures.split(",")).map(SiteMeasure::valueOf).toList();
    }

    public String getMeasuresNote() { return measuresNote; }

    public LocalDate getMeasuresOn() { return measuresOn; }

    /** Work stopped under 第六十五条 and not yet allowed to resume. */
    public boolean isWorkSuspended() { return measures != null && workResumedOn == null; }

    public LocalDate getWorkResumedOn() { return workResumedOn; }

    public LocalDate getReinspectedOn() { return reinspectedOn; }

    public Long getCaseId() { return caseId; }

    /** The day a supervised (挂牌督办) major hazard was closed (销号); null otherwise. */
    public LocalDate getClosedOn() { return closedOn; }

    public long getVersion() { return version; }
}

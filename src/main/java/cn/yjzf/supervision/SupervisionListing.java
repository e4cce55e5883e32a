package cn.yjzf.supervision;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A major hazard listed for supervision (挂牌督办) until its 销号. Every step is a method that checks the state it
 * starts from (wrong state → 409 {@code WRONG_STATE}); who may call it is checked by {@link SupervisionService}.
 */
@Entity
public class SupervisionListing {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long trackId;
    private Long enterpriseId;
    private Long hazardAgencyId;
    private Long hazardTownshipId;
    @Enumerated(EnumType.STRING)
    private SupervisionLevel level;
    private Long supervisingAgencyId;
    private Long supervisingTownshipId;
    private String ruleSet;
    private String documentNo;
    private String responsiblePerson;
    private LocalDate deadline;
    @Column(precision = 16, scale = 2)
    private BigDecimal funds;
    private LocalDate listedOn;
    private Long listedBy;
    private LocalDate filedOn;
    private LocalDate publishedOn;
    @Enumerated(EnumType.STRING)
    private SupervisionStatus status;
    private LocalDate planFiledOn;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "supervision_plan_entry", joinColumns = @JoinColumn(name = "listing_id"))
    @MapKeyColumn(name = "part_code")
    @Column(name = "content")
    private Map<String, String> plan = new LinkedHashMap<>();
    private LocalDate extensionUntil;
    private String extensionReason;
    private Long extensionRequestedBy;
    private LocalDate extensionRequestedOn;
    private int extensionsGranted;
    private String lastDecision;
    private String acceptanceNote;
    private Boolean acceptancePassed;
    private LocalDate acceptedOn;
    private Long acceptedBy;
    private LocalDate closedOn;
    private Long closedBy;
    private String closureNote;
    /** Set by the daily job once the deadline has passed while listed or rectifying; an approved extension lifts it. */
    private boolean overdue;
    @Version
    private long version;

    protected SupervisionListing() {
    }

    SupervisionListing(HazardFacts.Facts hazard, SupervisionLevel level, Long supervisingAgencyId,
                       Long supervisingTownshipId, String ruleSet, NewListing cmd, LocalDate listedOn, Long listedBy) {
        this.trackId = hazard.trackId();
        this.enterpriseId = hazard.enterpriseId();
        this.hazardAgencyId = hazard.agencyId();
        this.hazardTownshipId = hazard.townshipId();
        this.level = level;
        this.supervisingAgencyId = supervisingAgencyId;
        this.supervisingTownshipId = supervisingTownshipId;
        this.ruleSet = ruleSet;
        this.documentNo = cmd.documentNo().strip();
        this.responsiblePerson = cmd.responsiblePerson().strip();
        this.deadline = cmd.deadline();
        this.funds = cmd.funds();
        this.filedOn = cmd.filedOn();
        this.publishedOn = cmd.publishedOn();
        this.listedOn = listedOn;
        this.listedBy = listedBy;
        this.status = SupervisionStatus.LISTED;
    }

    /** The rectification plan; every part the rule set requires must be there (the first missing one is named). */
    void filePlan(Map<String, String> parts, List<PlanPart> required, BigDecimal newFunds, LocalDate on) {
        require(EnumSet.of(SupervisionStatus.LISTED, SupervisionStatus.RECTIFYING), "报送治理方案");
        Map<String, String> given = parts == null ? Map.of() : parts;
        List<FieldProblem> problems = new ArrayList<>();
        for (PlanPart p : required) {
            String v = given.get(p.code());
            if (v == null || v.isBlank()) {
                problems.add(new FieldProblem("plan[" + p.code() + "]", "PLAN_PART_MISSING",
                        "治理方案缺少“" + p.label() + "”"));
            }
        }
        Set<String> known = new java.util.HashSet<>(required.stream().map(PlanPart::code).toList());
        given.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> problems.add(
                new FieldProblem("plan", "UNKNOWN_PLAN_PART", "治理方案要素不在所用规则的要素之中")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        plan.clear();
        required.forEach(p -> plan.put(p.code(), given.get(p.code()).strip()));
        if (newFunds != null) {
            this.funds = newFunds;
        }
        this.planFiledOn = on;
        this.status = SupervisionStatus.RECTIFYING;
    }

    void requestExtension(LocalDate until, String reason, Long by, LocalDate on) {
        require(EnumSet.of(SupervisionStatus.LISTED, SupervisionStatus.RECTIFYING), "申请延期");
        if (extensionUntil != null) {
            throw new ConflictException("EXTENSION_PENDING", "已有待督办层级决定的延期申请");
        }
        if (until == null || !until.isAfter(deadline)) {
            throw new InvalidInputException("until", "NOT_LATER", "延期后的期限应晚于现有督办期限");
        }
        this.extensionReason = requireNote(reason, "reason", "请填写延期理由");
        this.extensionUntil = until;
        this.extensionRequestedBy = by;
        this.extensionRequestedOn = on;
    }

    /** The supervising level decides; the requester may not decide their own request. */
    LocalDate decideExtension(boolean approve, String note, Long by) {
        if (extensionUntil == null) {
            throw new ConflictException("NO_EXTENSION_PENDING", "没有待决定的延期申请");
        }
        if (by.equals(extensionRequestedBy)) {
            throw new ConflictException("OWN_REQUEST", "不能决定本人提出的延期申请");
        }
        LocalDate granted = approve ? extensionUntil : null;
        if (approve) {
            this.deadline = extensionUntil;
            this.extensionsGranted++;
            this.overdue = false;
        }
        this.lastDecision = (approve ? "同意延期至 " + extensionUntil : "不同意延期") + (note == null || note.isBlank() ? ""
                : "：" + note.strip());
        this.extensionUntil = null;
        this.extensionReason = null;
        this.extensionRequestedBy = null;
        this.extensionRequestedOn = null;
        return granted;
    }

    /** 验收 at the supervising level; passing needs the hazard's re-inspection to have passed. */
    void accept(boolean passed, String note, Long by, LocalDate on, boolean reinspectionPassed) {
        require(EnumSet.of(SupervisionStatus.RECTIFYING), "验收");
        String evidence = requireNote(note, "note", "请填写验收情况和证据");
        if (passed && !reinspectionPassed) {
            throw new ConflictException("REINSPECTION_NOT_PASSED", "该隐患尚未复查通过，不能验收合格");
        }
        this.acceptanceNote = evidence;
        this.acceptancePassed = passed;
        this.acceptedOn = on;
        this.acceptedBy = by;
        if (passed) {
            this.status = SupervisionStatus.ACCEPTED;
        }
    }

    /** 销号, approved by someone other than the one who recorded the acceptance; published as 销号 that day. */
    void close(String note, Long by, LocalDate on) {
        require(EnumSet.of(SupervisionStatus.ACCEPTED), "销号");
        if (by.equals(acceptedBy)) {
            throw new ConflictException("OWN_ACCEPTANCE", "验收人不能审批本人验收的销号");
        }
        this.closureNote = note == null || note.isBlank() ? null : note.strip();
        this.closedBy = by;
        this.closedOn = on;
        this.status = SupervisionStatus.CLOSED;
    }

    /** Still listed or rectifying (not yet 验收 nor 销号). */
    boolean open() {
        return status == SupervisionStatus.LISTED || status == SupervisionStatus.RECTIFYING;
    }

    /** Marks the listing overdue when its deadline has passed while still open; true when the mark is new. */
    boolean markOverdueOn(LocalDate today) {
        if (open() && deadline.isBefore(today) && !overdue) {
            this.overdue = true;
            return true;
        }
        return false;
    }

    private void require(Set<SupervisionStatus> from, String action) {
        if (!from.contains(status)) {
            throw new ConflictException("WRONG_STATE", "当前状态为「" + status.label() + "」，不能" + action);
        }
    }

    private static String requireNote(String note, String field, String message) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException(field, "REQUIRED", message);
        }
        return note.strip();
    }

    boolean extensionPending() {
        return extensionUntil != null;
    }

    public Long getId() { return id; }
    public Long getTrackId() { return trackId; }
    public Long getEnterpriseId() { return enterpriseId; }
    public Long getHazardAgencyId() { return hazardAgencyId; }
    public Long getHazardTownshipId() { return hazardTownshipId; }
    public SupervisionLevel getLevel() { return level; }
    public Long getSupervisingAgencyId() { return supervisingAgencyId; }
    public Long getSupervisingTownshipId() { return supervisingTownshipId; }
    public String getRuleSet() { return ruleSet; }
    public String getDocumentNo() { return documentNo; }
    public String getResponsiblePerson() { return responsiblePerson; }
    public LocalDate getDeadline() { return deadline; }
    public BigDecimal getFunds() { return funds; }
    public LocalDate getListedOn() { return listedOn; }
    public Long getListedBy() { return listedBy; }
    public LocalDate getFiledOn() { return filedOn; }
    public LocalDate getPublishedOn() { return publishedOn; }
    public SupervisionStatus getStatus() { return status; }
    public LocalDate getPlanFiledOn() { return planFiledOn; }
    public Map<String, String> getPlan() { return Map.copyOf(plan); }
    public LocalDate getExtensionUntil() { return extensionUntil; }
    public String getExtensionReason() { return extensionReason; }
    public Long getExtensionRequestedBy() { return extensionRequestedBy; }
    public LocalDate getExtensionRequestedOn() { return extensionRequestedOn; }
    public int getExtensionsGranted() { return extensionsGranted; }
    public String getLastDecision() { return lastDecision; }
    public String getAcceptanceNote() { return acceptanceNote; }
    public Boolean getAcceptancePassed() { return acceptancePassed; }
    public LocalDate getAcceptedOn() { return acceptedOn; }
    public Long getAcceptedBy() { return acceptedBy; }
    public LocalDate getClosedOn() { return closedOn; }
    public Long getClosedBy() { return closedBy; }
    public String getClosureNote() { return closureNote; }
    public boolean isOverdue() { return overdue; }
    public long getVersion() { return version; }
}

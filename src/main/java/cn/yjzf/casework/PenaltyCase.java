package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.Outcome;
import cn.yjzf.casework.CaseEnums.PartyType;
import cn.yjzf.casework.CaseEnums.Procedure;
import cn.yjzf.casework.CaseEnums.Source;
import cn.yjzf.casework.CaseEnums.TransferDecision;
import cn.yjzf.common.ConflictException;
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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 行政处罚案件: guards its own order of steps. Each transition method checks the current step and moves to the next;
 * who may call it and the procedure rules (Drools) are checked by {@link CaseworkService} before.
 */
@Entity
public class PenaltyCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private Long townshipId;
    private Long enterpriseId;
    private String partyName;
    @Enumerated(EnumType.STRING)
    private PartyType partyType;
    private String matterCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "case_source")
    private Source source;
    private String sourceRef;
    private String cause;
    @Enumerated(EnumType.STRING)
    @Column(name = "procedure_kind")
    private Procedure procedure;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String actingMode;
    private String issuingName;
    /** The review tiers of this case in order, fixed when it is submitted (agency order, plus 法制审核 where required). */
    private String reviewTiers;
    private String proposalRef;
    private String proposedPenalty;
    private BigDecimal proposedFine;
    private BigDecimal bandMin;
    private BigDecimal bandMax;
    private String proposalReasoning;
    private String deviationReason;
    private BigDecimal noticedFine;
    private boolean legalReviewRequired;
    private boolean legalReviewDone;
    @Column(name = "collective_required")
    private boolean collectiveRequired;
    private String collectiveRecord;
    private boolean hearingQualifies;
    private LocalDate filedOn;
    private LocalDate handlingDeadline;
    private LocalDate noticeServedOn;
    private LocalDate hearingRequestedOn;
    private LocalDate hearingHeldOn;
    private boolean statementConcluded;
    private boolean rightsWaived;
    private LocalDate decidedOn;
    private LocalDate decisionServedOn;
    private BigDecimal paidAmount;
    private LocalDate paidOn;
    private LocalDate enforcementAppliedOn;
    private LocalDate closedOn;
    private boolean criminalFlag;
    private String criminalTrigger;
    private LocalDate criminalFlaggedOn;
    @Enumerated(EnumType.STRING)
    private TransferDecision transferDecision;
    private String transferReason;
    private LocalDate transferDecidedOn;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "penalty_case_handler", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "user_id")
    private Set<Long> handlerIds = new LinkedHashSet<>();
    private Long createdBy;
    private Instant createdAt;
    @Version
    private long version;

    protected PenaltyCase() {
    }

    PenaltyCase(Long agencyId, Long townshipId, Long enterpriseId, String partyName, PartyType partyType,
                String matterCode, Source source, String sourceRef, String cause, Procedure procedure,
                String actingMode, String issuingName, Set<Long> handlerIds, Long createdBy) {
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.enterpriseId = enterpriseId;
        this.partyName = partyName;
        this.partyType = partyType;
        this.matterCode = matterCode;
        this.source = source;
        this.sourceRef = sourceRef;
        this.cause = cause;
        this.procedure = procedure;
        this.actingMode = actingMode;
        this.issuingName = issuingName;
        this.handlerIds = new LinkedHashSet<>(handlerIds);
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.stage = procedure == Procedure.SUMMARY ? Stage.EXECUTION : Stage.DRAFT;
    }

    /** The steps of this case in order; a return may go to any step before the current one. */
    public List<Stage> path() {
        List<Stage> p = new ArrayList<>(List.of(Stage.DRAFT, Stage.FILING_REVIEW, Stage.INVESTIGATION, Stage.HANDLING));
        p.addAll(tiers());
        p.addAll(List.of(Stage.NOTICE, Stage.STATEMENT, Stage.DECISION, Stage.SERVICE, Stage.EXECUTION,
                Stage.CLOSING_REVIEW, Stage.CLOSED));
        return p;
    }

    public List<Stage> tiers() {
        if (reviewTiers == null || reviewTiers.isBlank()) {
            return List.of();
        }
        return Arrays.stream(reviewTiers.split(",")).map(Stage::valueOf).toList();
    }

    void require(Stage... allowed) {
        for (Stage s : allowed) {
            if (stage == s) {
                return;
            }
        }
        throw new ConflictException("WRONG_STAGE", "案件当前处于“" + stage.label() + "”，不能进行此操作（应处于“"
                + Arrays.stream(allowed).map(Stage::label).reduce((a, b) -> a + "”或“" + b).orElse("") + "”）");
    }

    void submitFiling() {
        require(Stage.DRAFT);
        stage = Stage.FILING_REVIEW;
    }

    void filingApproved(LocalDate on, LocalDate deadline) {
        require(Stage.FILING_REVIEW);
        filedOn = on;
        handlingDeadline = deadline;
        stage = Stage.INVESTIGATION;
    }

    /** 办案期限 extended by an approved {@link DeadlineExtension}; only while no decision has been made. */
    void handlingDeadlineExtended(LocalDate until) {
        if (filedOn == null || decidedOn != null || stage == Stage.CLOSED) {
            throw new ConflictException("NOT_EXTENDABLE", "案件未立案、已作出决定或已结案，不能延长办案期限");
        }
        handlingDeadline = until;
    }

    void concludeInvestigation() {
        require(Stage.INVESTIGATION);
        stage = Stage.HANDLING;
    }

    /** 案件处理呈批: the handlers' proposal goes to the first review tier. */
    void submitForReview(Outcome outcome, String proposalRef, String penalty, BigDecimal fine, BigDecimal bandMin,
                         BigDecimal bandMax, String reasoning, String deviationReason, boolean legalReviewRequired,
                         boolean collectiveRequired, boolean hearingQualifies, List<Stage> tiers) {
        require(Stage.HANDLING);
        this.outcome = outcome;
        this.proposalRef = proposalRef;
        this.proposedPenalty = penalty;
        this.proposedFine = fine;
        this.bandMin = bandMin;
        this.bandMax = bandMax;
        this.proposalReasoning = reasoning;
        this.deviationReason = deviationReason;
        this.legalReviewRequired = legalReviewRequired;
        this.collectiveRequired = collectiveRequired;
        this.hearingQualifies = hearingQualifies;
        this.reviewTiers = String.join(",", tiers.stream().map(Stage::name).toList());
        this.legalReviewDone = false;
        this.collectiveRecord = null;
        stage = tiers.get(0);
    }

    /** The current tier approves: the next tier, or after the last one the step the outcome leads to. */
    void tierApproved(String collectiveRecord) {
        if (!stage.isTier()) {
            require(Stage.TIER_UNIT, Stage.TIER_LEGAL, Stage.TIER_HEAD);
        }
        if (stage == Stage.TIER_LEGAL) {
            legalReviewDone = true;
        }
        if (stage == Stage.TIER_HEAD && collectiveRecord != null && !collectiveRecord.isBlank()) {
            this.collectiveRecord = collectiveRecord;
        }
        List<Stage> tiers = tiers();
        int i = tiers.indexOf(stage);
        if (i + 1 < tiers.size()) {
            stage = tiers.get(i + 1);
        } else if (outcome != Outcome.PENALTY) {
            stage = Stage.CLOSING_REVIEW;
        } else {
            stage = noticeServedOn == null ? Stage.NOTICE : Stage.DECISION;
        }
    }

    void returnTo(Stage target) {
        if (!stage.isReview()) {
            throw new ConflictException("NOT_A_REVIEW_STEP", "只有审批、审核环节可以退回");
        }
        List<Stage> path = path();
        if (!path.contains(target) || path.indexOf(target) >= path.indexOf(stage) || target == Stage.CLOSED) {
            throw new ConflictException("INVALID_RETURN_TARGET", "只能退回到本环节之前的环节");
        }
        // a step returned over must be done again: its approval no longer stands
        if (path.contains(Stage.TIER_LEGAL) && path.indexOf(target) <= path.indexOf(Stage.TIER_LEGAL)) {
            legalReviewDone = false;
        }
        if (path.indexOf(target) <= path.indexOf(Stage.TIER_HEAD)) {
            collectiveRecord = null;
        }
        stage = target;
    }

    void noticeServed(LocalDate on) {
        require(Stage.NOTICE);
        noticeServedOn = on;
        noticedFine = proposedFine;
        stage = Stage.STATEMENT;
    }

    void hearingRequested(LocalDate on) {
        require(Stage.STATEMENT);
        hearingRequestedOn = on;
    }

    void hearingHeld(LocalDate on) {
        require(Stage.STATEMENT);
        hearingHeldOn = on;
    }

    /**
     * 陈述申辩/听证 heard. An unchanged proposal proceeds to 决定; a changed one (never heavier, checked by the rules)
     * goes back through every review tier.
     */
    void statementConcluded(boolean waived, String newPenalty, BigDecimal newFine) {
        require(Stage.STATEMENT);
        statementConcluded = true;
        rightsWaived = waived;
        boolean changed = newFine != null && (proposedFine == null || newFine.compareTo(proposedFine) != 0);
        if (changed) {
            proposedFine = newFine;
            if (newPenalty != null && !newPenalty.isBlank()) {
                proposedPenalty = newPenalty;
            }
            legalReviewDone = false;
            stage = tiers().get(0);
        } else {
            stage = Stage.DECISION;
        }
    }

    void decided(LocalDate on) {
        require(Stage.DECISION);
        decidedOn = on;
        stage = Stage.SERVICE;
    }

    void decisionServed(LocalDate on) {
        require(Stage.SERVICE);
        decisionServedOn = on;
        stage = Stage.EXECUTION;
    }

    /** 简易程序: the 当场处罚决定书 is handed over on the spot (行政处罚法第五十二条), so it is decided and served at once. */
    void summaryDecided(String penalty, BigDecimal fine, LocalDate on) {
        require(Stage.EXECUTION);
        outcome = Outcome.PENALTY;
        proposedPenalty = penalty;
        proposedFine = fine;
        filedOn = on;
        decidedOn = on;
        decisionServedOn = on;
        statementConcluded = true;
    }

    void paid(BigDecimal amount, LocalDate on) {
        require(Stage.EXECUTION);
        paidAmount = paidAmount == null ? amount : paidAmount.add(amount);
        paidOn = on;
    }

    void enforcementApplied(LocalDate on) {
        require(Stage.EXECUTION);
        enforcementAppliedOn = on;
    }

    void requestClosing() {
        require(Stage.EXECUTION);
        stage = Stage.CLOSING_REVIEW;
    }

    void closed(LocalDate on) {
        require(Stage.CLOSING_REVIEW);
        closedOn = on;
        stage = Stage.CLOSED;
    }

    void flagCriminal(String trigger, LocalDate on) {
        if (stage == Stage.CLOSED) {
            throw new ConflictException("CASE_CLOSED", "案件已结案");
        }
        criminalFlag = true;
        criminalTrigger = trigger;
        criminalFlaggedOn = on;
    }

    void transferDecided(TransferDecision decision, String reason, LocalDate on) {
        if (!criminalFlag) {
            throw new ConflictException("NOT_FLAGGED", "案件未标记涉嫌犯罪，无需作出移送决定");
        }
        transferDecision = decision;
        transferReason = reason;
        transferDecidedOn = on;
    }

    /** Paid in full, or an application to the court for enforcement made. */
    public boolean executionDone() {
        if (outcome != Outcome.PENALTY || proposedFine == null || proposedFine.signum() == 0) {
            return true;
        }
        return (paidAmount != null && paidAmount.compareTo(proposedFine) >= 0) || enforcementAppliedOn != null;
    }

    public Long getId() { return id; }
    public Long getAgencyId() { return agencyId; }
    public Long getTownshipId() { return townshipId; }
    public Long getEnterpriseId() { return enterpriseId; }
    public String getPartyName() { return partyName; }
    public PartyType getPartyType() { return partyType; }
    public String getMatterCode() { return matterCode; }
    public Source getSource() { return source; }
    public String getSourceRef() { return sourceRef; }
    public String getCause() { return cause; }
    public Procedure getProcedure() { return procedure; }
    public Stage getStage() { return stage; }
    public Outcome getOutcome() { return outcome; }
    public String getActingMode() { return actingMode; }
    public String getIssuingName() { return issuingName; }
    public String getProposalRef() { return proposalRef; }
    public String getProposedPenalty() { return proposedPenalty; }
    public BigDecimal getProposedFine() { return proposedFine; }
    public BigDecimal getBandMin() { return bandMin; }
    public BigDecimal getBandMax() { return bandMax; }
    public String getProposalReasoning() { return proposalReasoning; }
    public String getDeviationReason() { return deviationReason; }
    public BigDecimal getNoticedFine() { return noticedFine; }
    public boolean isLegalReviewRequired() { return legalReviewRequired; }
    public boolean isLegalReviewDone() { return legalReviewDone; }
    public boolean isCollectiveRequired() { return collectiveRequired; }
    public String getCollectiveRecord() { return collectiveRecord; }
    public boolean isHearingQualifies() { return hearingQualifies; }
    public LocalDate getFiledOn() { return filedOn; }
    public LocalDate getHandlingDeadline() { return handlingDeadline; }
    public LocalDate getNoticeServedOn() { return noticeServedOn; }
    public LocalDate getHearingRequestedOn() { return hearingRequestedOn; }
    public LocalDate getHearingHeldOn() { return hearingHeldOn; }
    public boolean isStatementConcluded() { return statementConcluded; }
    public boolean isRightsWaived() { return rightsWaived; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public LocalDate getDecisionServedOn() { return decisionServedOn; }
    public BigDecimal getPaidAmount() { return paidAmount; }
    public LocalDate getPaidOn() { return paidOn; }
    public LocalDate getEnforcementAppliedOn() { return enforcementAppliedOn; }
    public LocalDate getClosedOn() { return closedOn; }
    public boolean isCriminalFlag() { return criminalFlag; }
    public String getCriminalTrigger() { return criminalTrigger; }
    public LocalDate getCriminalFlaggedOn() { return criminalFlaggedOn; }
    public TransferDecision getTransferDecision() { return transferDecision; }
    public String getTransferReason() { return transferReason; }
    public LocalDate getTransferDecidedOn() { return transferDecidedOn; }
    public Set<Long> getHandlerIds() { return Set.copyOf(handlerIds); }
    public Long getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}

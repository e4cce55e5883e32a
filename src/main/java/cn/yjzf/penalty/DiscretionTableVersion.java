package cn.yjzf.penalty;

import cn.yjzf.review.FourEyesReview;
import cn.yjzf.review.ReviewStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored 基准 table version. It is saved only after passing the frame check (status VALIDATED, 待法制审核) and is used
 * for proposals only once a legal reviewer other than the submitter approves it (LIVE). Tiers are kept as JSON: they
 * are read whole, never queried row by row.
 */
@Entity
@Table(name = "discretion_table")
public class DiscretionTableVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String issuer;
    private String documentNumber;
    private String scopeLevel;
    private String region;
    private Long agencyId;
    private LocalDate validFrom;
    private LocalDate validTo;
    private boolean official;
    private String label;
    private boolean lowerInclusive;
    private boolean upperInclusive;
    private String source;
    private String tiersJson;
    private int tierCount;
    @Enumerated(EnumType.STRING)
    private ReviewStatus status;
    private String submittedBy;
    private Instant submittedAt;
    private String changeNote;
    private String reviewer;
    private Instant reviewedAt;
    private String reviewNote;
    @Version
    private long version;

    protected DiscretionTableVersion() {
    }

    DiscretionTableVersion(DiscretionTable t, Long agencyId, String tiersJson, String submittedBy, String changeNote,
            Instant at) {
        this.code = t.code();
        this.name = t.name();
        this.issuer = t.issuer();
        this.documentNumber = t.documentNumber();
        this.scopeLevel = t.scopeLevel();
        this.region = t.region();
        this.agencyId = agencyId;
        this.validFrom = t.validFrom();
        this.validTo = t.validTo();
        this.official = t.official();
        this.label = t.label();
        this.lowerInclusive = t.lowerInclusive();
        this.upperInclusive = t.upperInclusive();
        this.source = t.source();
        this.tiersJson = tiersJson;
        this.tierCount = t.tiers().size();
        this.status = ReviewStatus.VALIDATED;
        this.submittedBy = submittedBy;
        this.submittedAt = at;
        this.changeNote = changeNote;
    }

    void approve(String reviewer, String note, Instant at) {
        requireReviewable(reviewer);
        this.status = ReviewStatus.LIVE;
        this.reviewer = reviewer;
        this.reviewNote = note;
        this.reviewedAt = at;
    }

    void reject(String reviewer, String reason, Instant at) {
        requireReviewable(reviewer);
        this.status = ReviewStatus.REJECTED;
        this.reviewer = reviewer;
        this.reviewNote = reason;
        this.reviewedAt = at;
    }

    private void requireReviewable(String reviewer) {
        FourEyesReview.requireReviewable("基准 #" + id, status, submittedBy, reviewer);
    }

    /** "code v#id（label）" as recorded on proposals. */
    public String ref() {
        return code + "#" + id + "（" + label + "）";
    }

    public Long getId() { return id; }

    public String getCode() { return code; }

    public String getName() { return name; }

    public String getIssuer() { return issuer; }

    public String getDocumentNumber() { return documentNumber; }

    public String getScopeLevel() { return scopeLevel; }

    public String getRegion() { return region; }

    public Long getAgencyId() { return agencyId; }

    public LocalDate getValidFrom() { return validFrom; }

    public LocalDate getValidTo() { return validTo; }

    public boolean isOfficial() { return official; }

    public String getLabel() { return label; }

    public boolean isLowerInclusive() { return lowerInclusive; }

    public boolean isUpperInclusive() { return upperInclusive; }

    public String getSource() { return source; }

    public String getTiersJson() { return tiersJson; }

    public int getTierCount() { return tierCount; }

    public ReviewStatus getStatus() { return status; }

    public String getSubmittedBy() { return submittedBy; }

    public Instant getSubmittedAt() { return submittedAt; }

    public String getChangeNote() { return changeNote; }

    public String getReviewer() { return reviewer; }

    public Instant getReviewedAt() { return reviewedAt; }

    public String getReviewNote() { return reviewNote; }

    public long getVersion() { return version; }
}

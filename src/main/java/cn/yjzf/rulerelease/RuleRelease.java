package cn.yjzf.rulerelease;

import cn.yjzf.review.ReviewStatus;
import cn.yjzf.review.FourEyesReview;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A submitted snapshot of the rules directory and its way through validation, legal review and publication. */
@Entity
@Table(name = "rule_release")
public class RuleRelease {

    /** Where the snapshot came from. */
    public enum Origin { DIRECTORY, UPLOAD, FIRST_START }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private ReviewStatus status;
    @Enumerated(EnumType.STRING)
    private Origin origin;
    private String contentHash;
    @Column(columnDefinition = "BYTEA")
    private byte[] archive;
    private int fileCount;
    private String changeNote;
    private String author;
    private Instant submittedAt;
    private Instant validatedAt;
    private String validation;
    private String reviewer;
    private Instant reviewedAt;
    private String reviewNote;
    private Instant liveFrom;
    private Instant liveUntil;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rule_release_set", joinColumns = @JoinColumn(name = "release_id"))
    private List<ReleasedRuleSet> ruleSets = new ArrayList<>();

    protected RuleRelease() {
    }

    RuleRelease(Origin origin, String contentHash, byte[] archive, int fileCount, String changeNote, String author,
                Instant submittedAt) {
        this.status = ReviewStatus.SUBMITTED;
        this.origin = origin;
        this.contentHash = contentHash;
        this.archive = archive;
        this.fileCount = fileCount;
        this.changeNote = changeNote;
        this.author = author;
        this.submittedAt = submittedAt;
    }

    void validated(boolean ok, String report, List<ReleasedRuleSet> sets, Instant at) {
        requireStatus(ReviewStatus.SUBMITTED);
        this.status = ok ? ReviewStatus.VALIDATED : ReviewStatus.INVALID;
        this.validation = report;
        this.validatedAt = at;
        this.ruleSets = new ArrayList<>(sets);
    }

    void approve(String reviewer, String note, Instant at) {
        requireReviewable(reviewer);
        this.status = ReviewStatus.LIVE;
        this.reviewer = reviewer;
        this.reviewNote = note;
        this.reviewedAt = at;
        this.liveFrom = at;
    }

    /** The first release is the rules the system was installed with; it goes live without a review. */
    void installAsFirst(Instant at) {
        requireStatus(ReviewStatus.VALIDATED);
        this.status = ReviewStatus.LIVE;
        this.liveFrom = at;
    }

    void reject(String reviewer, String reason, Instant at) {
        requireReviewable(reviewer);
        this.status = ReviewStatus.REJECTED;
        this.reviewer = reviewer;
        this.reviewNote = reason;
        this.reviewedAt = at;
    }

    void supersede(Instant at) {
        requireStatus(ReviewStatus.LIVE);
        this.status = ReviewStatus.SUPERSEDED;
        this.liveUntil = at;
    }

    /** Only a validated release can be reviewed, and never by its author (four eyes). */
    private void requireReviewable(String reviewer) {
        FourEyesReview.requireReviewable("规则版本 #" + id, status, author, reviewer);
    }

    private void requireStatus(ReviewStatus expected) {
        FourEyesReview.requireStatus("规则版本 #" + id, status, expected);
    }

    public Long getId() { return id; }

    public ReviewStatus getStatus() { return status; }

    public Origin getOrigin() { return origin; }

    public String getContentHash() { return contentHash; }

    public byte[] getArchive() { return archive; }

    public int getFileCount() { return fileCount; }

    public String getChangeNote() { return changeNote; }

    public String getAuthor() { return author; }

    public Instant getSubmittedAt() { return submittedAt; }

    public Instant getValidatedAt() { return validatedAt; }

    public String getValidation() { return validation; }

    public String getReviewer() { return reviewer; }

    public Instant getReviewedAt() { return reviewedAt; }

    public String getReviewNote() { return reviewNote; }

    public Instant getLiveFrom() { return liveFrom; }

    public Instant getLiveUntil() { return liveUntil; }

    public long getVersion() { return version; }

    public List<ReleasedRuleSet> getRuleSets() { return ruleSets; }
}

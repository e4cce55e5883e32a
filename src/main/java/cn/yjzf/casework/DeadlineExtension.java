package cn.yjzf.casework;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A request to extend the 办案期限 (行政处罚法第六十条), decided once by the 负责人. */
@Entity
@jakarta.persistence.Table(name = "case_deadline_extension")
public class DeadlineExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private LocalDate previousDue;
    private LocalDate requestedDue;
    private String reason;
    private Long requestedBy;
    private Instant requestedAt;
    @jakarta.persistence.Embedded
    private ApproverDecision decision = new ApproverDecision();
    @Version
    private long version;

    protected DeadlineExtension() {
    }

    DeadlineExtension(Long caseId, LocalDate previousDue, LocalDate requestedDue, String reason, Long requestedBy) {
        this.caseId = caseId;
        this.previousDue = previousDue;
        this.requestedDue = requestedDue;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = Instant.now();
    }

    void decide(boolean approve, Long by, LocalDate on, String note) {
        decision.decide(approve, by, on, note, "延期申请");
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public LocalDate getPreviousDue() { return previousDue; }
    public LocalDate getRequestedDue() { return requestedDue; }
    public String getReason() { return reason; }
    public Long getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public Decision getStatus() { return decision.getStatus(); }
    public Long getDecidedBy() { return decision.getDecidedBy(); }
    public LocalDate getDecidedOn() { return decision.getDecidedOn(); }
    public String getDecisionNote() { return decision.getDecisionNote(); }
    public long getVersion() { return version; }
}

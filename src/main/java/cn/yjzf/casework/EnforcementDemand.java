package cn.yjzf.casework;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** 催告书 (行政强制法第三十五条): served on the party before an application to the court (第五十四条). */
@Entity
public class EnforcementDemand {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private LocalDate servedOn;
    private String content;
    private Long recordedBy;
    private Instant recordedAt;

    protected EnforcementDemand() {
    }

    EnforcementDemand(Long caseId, LocalDate servedOn, String content, Long recordedBy) {
        this.caseId = caseId;
        this.servedOn = servedOn;
        this.content = content;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public LocalDate getServedOn() { return servedOn; }
    public String getContent() { return content; }
    public Long getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}

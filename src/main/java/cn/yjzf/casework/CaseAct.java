package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.ActKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** An investigative act or a document of the case (询问笔录, 勘验笔录, 告知书 …), with the officers who did it. */
@Entity
public class CaseAct {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private ActKind kind;
    private LocalDate performedOn;
    private String summary;
    private String officerIds;
    /** At least two officers, each holding a 执法证 valid on the day (行政处罚法第四十二条). */
    private boolean certified;
    private Long createdBy;
    private Instant createdAt;

    protected CaseAct() {
    }

    CaseAct(Long caseId, ActKind kind, LocalDate performedOn, String summary, List<Long> officerIds, boolean certified,
            Long createdBy) {
        this.caseId = caseId;
        this.kind = kind;
        this.performedOn = performedOn;
        this.summary = summary;
        this.officerIds = String.join(",", officerIds.stream().map(String::valueOf).toList());
        this.certified = certified;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public ActKind getKind() { return kind; }
    public LocalDate getPerformedOn() { return performedOn; }
    public String getSummary() { return summary; }
    public List<Long> getOfficerIds() {
        return officerIds.isBlank() ? List.of() : Arrays.stream(officerIds.split(",")).map(Long::valueOf).toList();
    }
    public boolean isCertified() { return certified; }
    public Long getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}

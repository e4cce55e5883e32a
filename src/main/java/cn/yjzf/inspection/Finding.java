package cn.yjzf.inspection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** 检查发现: the officer's description plus, when it answers a checklist group, the structured answers. */
@Entity
public class Finding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long inspectionId;
    private String checklistGroup;
    private String description;
    private String location;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "finding_answer", joinColumns = @JoinColumn(name = "finding_id"))
    @MapKeyColumn(name = "question_code")
    @Column(name = "answer")
    private Map<String, String> answers = new TreeMap<>();
    private Long createdBy;
    private Instant createdAt;
    @Version
    private long version;

    protected Finding() {
    }

    Finding(Long inspectionId, String checklistGroup, String description, String location, Map<String, String> answers,
            Long createdBy) {
        this.inspectionId = inspectionId;
        this.checklistGroup = checklistGroup;
        this.description = description;
        this.location = location;
        this.answers = new TreeMap<>(answers);
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    /** The officer rewrites the description in their own words (before the order is issued). */
    void describe(String description) {
        this.description = description;
    }

    public Long getId() { return id; }

    public Long getInspectionId() { return inspectionId; }

    public String getChecklistGroup() { return checklistGroup; }

    public String getDescription() { return description; }

    public String getLocation() { return location; }

    public Map<String, String> getAnswers() { return Map.copyOf(answers); }

    public Instant getCreatedAt() { return createdAt; }

    public long getVersion() { return version; }
}

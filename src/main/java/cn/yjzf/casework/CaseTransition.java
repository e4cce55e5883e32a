package cn.yjzf.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One step of a case's history: never changed or deleted, so a returned case keeps everything that happened. */
@Entity
public class CaseTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private Stage fromStage;
    @Enumerated(EnumType.STRING)
    private Stage toStage;
    private String action;
    private Long actorId;
    private String actorName;
    private String actorRole;
    @Column(name = "occurred_at")
    private Instant at;
    private String reason;
    /** The procedure rule version that checked this step (null for steps the rules do not check). */
    private String rulesVersion;

    protected CaseTransition() {
    }

    CaseTransition(Long caseId, Stage from, Stage to, String action, Long actorId, String actorName, String actorRole,
                   String reason, String rulesVersion) {
        this.caseId = caseId;
        this.fromStage = from;
        this.toStage = to;
        this.action = action;
        this.actorId = actorId;
        this.actorName = actorName;
        this.actorRole = actorRole;
        this.at = Instant.now();
        this.reason = reason;
        this.rulesVersion = rulesVersion;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Stage getFromStage() { return fromStage; }
    public Stage getToStage() { return toStage; }
    public String getAction() { return action; }
    public Long getActorId() { return actorId; }
    public String getActorName() { return actorName; }
    public String getActorRole() { return actorRole; }
    public Instant getAt() { return at; }
    public String getReason() { return reason; }
    public String getRulesVersion() { return rulesVersion; }
}

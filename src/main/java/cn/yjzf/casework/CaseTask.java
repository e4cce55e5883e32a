package cn.yjzf.casework;

import cn.yjzf.organisation.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The open piece of work on a case: one step, for a role (review steps) or the handlers, optionally assigned to a
 * person (reassignment). Exactly one task per case is OPEN; it is closed when the case leaves the step.
 */
@Entity
public class CaseTask {

    public enum Status { OPEN, DONE }

    /** The role column for steps the case handlers work. */
    public static final String HANDLERS = "HANDLERS";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private Long agencyId;
    private Long townshipId;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    private String role;
    private Long assigneeId;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    private Instant createdAt;
    private LocalDate dueOn;
    private Long doneBy;
    private Instant doneAt;
    @Version
    private long version;

    protected CaseTask() {
    }

    CaseTask(PenaltyCase c, LocalDate dueOn) {
        this.caseId = c.getId();
        this.agencyId = c.getAgencyId();
        this.townshipId = c.getTownshipId();
        this.stage = c.getStage();
        Role r = c.getStage().reviewer();
        this.role = r == null ? HANDLERS : r.name();
        this.createdAt = Instant.now();
        this.dueOn = dueOn;
    }

    void done(Long by) {
        status = Status.DONE;
        doneBy = by;
        doneAt = Instant.now();
    }

    void reassign(Long userId) {
        assigneeId = userId;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getAgencyId() { return agencyId; }
    public Long getTownshipId() { return townshipId; }
    public Stage getStage() { return stage; }
    public String getRole() { return role; }
    public Long getAssigneeId() { return assigneeId; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public LocalDate getDueOn() { return dueOn; }
    public Long getDoneBy() { return doneBy; }
    public Instant getDoneAt() { return doneAt; }
    public long getVersion() { return version; }
}

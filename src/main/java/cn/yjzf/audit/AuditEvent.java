package cn.yjzf.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One entry of the 全过程记录: who did what to which record, chained to the previous entry by a keyed hash
 * ({@link AuditKey}); {@code seq} numbers entries without gaps. */
@Entity
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long seq;
    private Instant occurredAt;
    private String actor;
    private String action;
    private String entityType;
    private Long entityId;
    private String detail;
    private String prevHash;
    private String hash;

    protected AuditEvent() {
    }

    AuditEvent(long seq, Instant occurredAt, String actor, String action, String entityType, Long entityId, String detail,
               String prevHash, String hash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    public Long getId() { return id; }

    public long getSeq() { return seq; }

    public Instant getOccurredAt() { return occurredAt; }

    public String getActor() { return actor; }

    public String getAction() { return action; }

    public String getEntityType() { return entityType; }

    public Long getEntityId() { return entityId; }

    public String getDetail() { return detail; }

    public String getPrevHash() { return prevHash; }

    public String getHash() { return hash; }
}

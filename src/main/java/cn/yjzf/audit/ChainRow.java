package cn.yjzf.audit;

import java.time.Instant;

/** One audit event as the chain sees it, read from the live table or from an archived segment file. */
record ChainRow(long seq, Instant occurredAt, String actor, String action, String entityType, Long entityId,
                String detail, String prevHash, String hash) {

    static ChainRow of(AuditEvent e) {
        return new ChainRow(e.getSeq(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getEntityType(),
                e.getEntityId(), e.getDetail(), e.getPrevHash(), e.getHash());
    }

    /** What this row's hash must be: keyed from the sealing event on, plain SHA-256 before it. */
    String expectedHash(AuditKey key, long keyedFromSeq) {
        return seq >= keyedFromSeq
                ? key.event(seq, prevHash, occurredAt, actor, action, entityType, entityId, detail)
                : AuditKey.legacy(prevHash, occurredAt, actor, action, entityType, entityId, detail);
    }
}

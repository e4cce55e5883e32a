package cn.yjzf.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every state change in the caller's transaction (so an audit entry exists exactly when the change does).
 * Entries form a gapless, keyed chain (HMAC-SHA256, {@link AuditKey}); the row lock on {@code audit_chain_head}
 * serialises appends so the chain never forks. {@link ChainVerifier} checks it.
 */
@Service
public class AuditTrail {

    static final String SEALED = "AUDIT_CHAIN_KEYED";
    private static final int ACTOR_MAX = 50;
    private static final int DETAIL_MAX = 4000;

    private final AuditEventRepository events;
    private final JdbcTemplate jdbc;
    private final AuditKey key;
    private final TransactionTemplate separate;

    AuditTrail(AuditEventRepository events, JdbcTemplate jdbc, AuditKey key, PlatformTransactionManager tx) {
        this.events = events;
        this.jdbc = jdbc;
        this.key = key;
        this.separate = new TransactionTemplate(tx);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entityType, Long entityId, String detail) {
        Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_hash, last_seq, keyed_from_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        if (head.get("keyed_from_seq") == null) {
            seal(head);
            head = jdbc.queryForMap("SELECT last_hash, last_seq, keyed_from_seq FROM audit_chain_head WHERE id = 1");
        }
        append((String) head.get("last_hash"), ((Number) head.get("last_seq")).longValue(),
                actor, action, entityType, entityId, detail);
    }

    /**
     * For events that are not part of a business change (logins, denied access, downloads): recorded in a
     * transaction of their own, so they are kept even when nothing else is written.
     */
    public void recordSeparately(String actor, String action, String entityType, Long entityId, String detail) {
        separate.executeWithoutResult(s -> record(actor, action, entityType, entityId, detail));
    }

    /** Seals a chain started before keying (or an empty one) at start-up, so the first keyed event is written early. */
    void sealIfNeeded() {
        separate.executeWithoutResult(s -> {
            Map<String, Object> head = jdbc.queryForMap(
                    "SELECT last_hash, last_seq, keyed_from_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            if (head.get("keyed_from_seq") == null) {
                seal(head);
            }
        });
    }

    /**
     * Plain SHA-256 rows from before the key cannot be rewritten (PostgreSQL refuses UPDATE of audit rows), so they
     * are sealed instead: the first keyed event links to their newest hash, which fixes every one of them (changing
     * any would need a SHA-256 preimage). The seal records whether the plain chain verified when it was sealed.
     */
    private void seal(Map<String, Object> head) {
        long lastSeq = ((Number) head.get("last_seq")).longValue();
        Long brokenAt = legacyBreak(lastSeq);
        String chainId = java.util.UUID.randomUUID().toString();
        jdbc.update("UPDATE audit_chain_head SET keyed_from_seq = ?, chain_id = ? WHERE id = 1", lastSeq + 1, chainId);
        append((String) head.get("last_hash"), lastSeq, "system", SEALED, "audit_chain", null,
                sealDetail(chainId) + "；此前 " + lastSeq + " 条记录（SHA-256 链）封存于此；封存时旧链校验"
                        + (brokenAt == null ? "通过" : "未通过，首个不符序号 " + brokenAt));
    }

    /** The sealing event names the chain id, so a changed id in the head (to dodge the anchors) shows. */
    static String sealDetail(String chainId) {
        return "启用密钥链，链标识 " + chainId;
    }

    private Long legacyBreak(long lastSeq) {
        String prev = AuditKey.GENESIS;
        long expected = 1;
        for (AuditEvent e : events.findAllByOrderBySeq()) {
            ChainRow row = ChainRow.of(e);
            if (row.seq() != expected || !row.prevHash().equals(prev)
                    || !row.hash().equals(row.expectedHash(key, Long.MAX_VALUE))) {
                return expected;
            }
            prev = row.hash();
            expected++;
        }
        return expected - 1 == lastSeq ? null : expected;
    }

    private void append(String prev, long lastSeq, String actor, String action, String entityType, Long entityId,
                        String detail) {
        long seq = lastSeq + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String who = clip(actor == null ? "anonymous" : actor, ACTOR_MAX);
        String what = detail == null ? null : clip(detail, DETAIL_MAX);
        String hash = key.event(seq, prev, at, who, action, entityType, entityId, what);
        events.save(new AuditEvent(seq, at, who, action, entityType, entityId, what, prev, hash));
        jdbc.update("UPDATE audit_chain_head SET last_hash = ?, last_seq = ? WHERE id = 1", hash, seq);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> of(String entityType, Long entityId) {
        return events.findByEntityTypeAndEntityIdOrderById(entityType, entityId);
    }
}

package cn.yjzf.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every state change in the caller's transaction (so an audit entry exists exactly when the change does).
 * Entries form a SHA-256 chain; {@link #verify()} recomputes it to detect edits or deletions.
 */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final JdbcTemplate jdbc;

    AuditTrail(AuditEventRepository events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entityType, Long entityId, String detail) {
        String prev = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE", String.class);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(prev, at, actor, action, entityType, entityId, detail);
        events.save(new AuditEvent(at, actor, action, entityType, entityId, detail, prev, hash));
        jdbc.update("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", hash);
    }

    /** Null when the chain is intact, otherwise the id of the first event that does not match. */
    @Transactional(readOnly = true)
    public Long verify() {
        String prev = "0".repeat(64);
        for (AuditEvent e : events.findAllByOrderById()) {
            String expected = hash(prev, e.getOccurredAt(), e.getActor(), e.getAction(), e.getEntityType(),
                    e.getEntityId(), e.getDetail());
            if (!e.getPrevHash().equals(prev) || !e.getHash().equals(expected)) {
                return e.getId();
            }
            prev = e.getHash();
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> of(String entityType, Long entityId) {
        return events.findByEntityTypeAndEntityIdOrderById(entityType, entityId);
    }

    private static String hash(String prev, Instant at, String actor, String action, String type, Long id, String detail) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String line = String.join("\u001f", prev, at.truncatedTo(ChronoUnit.MICROS).toString(), actor, action, type,
                    String.valueOf(id), detail == null ? "" : detail);
            return HexFormat.of().formatHex(md.digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.yjzf.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit chain's key, held outside the database ({@code APP_AUDIT_HMAC_SECRET}): someone who can write to the
 * database but does not have it cannot recompute a valid chain after changing or deleting rows. The demo key is
 * accepted only with demo data or the embedded H2 database; anywhere else a missing key stops the start.
 */
@Component
public class AuditKey {

    public static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);
    /** Public on purpose: it protects nothing and is refused outside demo/H2. */
    static final String DEMO_SECRET = Base64.getEncoder().encodeToString(
            "yjzf-demo-audit-key/not-a-secret/never-in-production".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;

    AuditKey(AuditProperties properties, @Value("${app.demo-data:false}") boolean demo,
             @Value("${spring.datasource.url:}") String datasourceUrl) {
        String secret = properties.hmacSecret();
        if (secret == null || secret.isBlank()) {
            if (!demo && !datasourceUrl.startsWith("jdbc:h2:")) {
                throw new IllegalStateException("app.audit.hmac-secret (APP_AUDIT_HMAC_SECRET) must be set outside the"
                        + " demo/H2 configuration: Base64, at least 32 bytes, kept outside the database");
            }
            log.warn("app.audit.hmac-secret is not set: the audit chain uses the public demo key (demo/H2 only)");
            secret = DEMO_SECRET;
        }
        byte[] bytes = Base64.getDecoder().decode(secret.trim());
        if (bytes.length < 32) {
            throw new IllegalStateException("app.audit.hmac-secret must be at least 32 bytes (Base64)");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The keyed hash of one audit event; the domain tag keeps event, anchor and segment MACs apart. */
    String event(long seq, String prev, Instant at, String actor, String action, String type, Long id, String detail) {
        return mac("event", Long.toString(seq), prev, micros(at), actor, action, type, String.valueOf(id),
                detail == null ? "" : detail);
    }

    String mac(String... parts) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return HexFormat.of().formatHex(m.doFinal(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain SHA-256 of rows written before the chain was keyed (kept only to verify them). */
    static String legacy(String prev, Instant at, String actor, String action, String type, Long id, String detail) {
        try {
            String line = String.join("\u001f", prev, micros(at), actor, action, type, String.valueOf(id),
                    detail == null ? "" : detail);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).toString();
    }
}

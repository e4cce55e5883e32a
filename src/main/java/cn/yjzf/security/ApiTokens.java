package cn.yjzf.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed API tokens (JWT, HS256). HTTP Basic checks a BCrypt hash on every request (tens of milliseconds by
 * design); a batch client instead exchanges its password once for a token whose signature is checked in microseconds.
 * Every instance of a deployment must share {@code app.security.token-secret}; without it each process makes its own
 * key, so tokens do not survive a restart (fine for the embedded demo, logged as a warning).
 */
@Component
public class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Duration lifetime;

    ApiTokens(@Value("${app.security.token-secret:}") String secret,
              @Value("${app.security.token-lifetime:PT30M}") Duration lifetime,
              @Value("${app.demo-data:false}") boolean demo) {
        SecretKey key = new SecretKeySpec(keyBytes(secret, demo), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.lifetime = lifetime;
    }

    private static byte[] keyBytes(String secret, boolean demo) {
        if (secret == null || secret.isBlank()) {
            String message = "app.security.token-secret is not set: API tokens are signed with a per-process key"
                    + " (they end with a restart and are not accepted by other instances)";
            if (demo) {
                log.info(message);
            } else {
                log.warn(message);
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] bytes = Base64.getDecoder().decode(secret.trim());
        if (bytes.length < 32) {
            throw new IllegalStateException("app.security.token-secret must be at least 32 bytes (Base64)");
        }
        return bytes;
    }

    public record Issued(String accessToken, String tokenType, long expiresIn) {
    }

    public Issued issue(String username) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("yjzf").subject(username)
                .issuedAt(now).expiresAt(now.plus(lifetime)).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, "Bearer", lifetime.toSeconds());
    }

    JwtDecoder decoder() {
        return decoder;
    }
}

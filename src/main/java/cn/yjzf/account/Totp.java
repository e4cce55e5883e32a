package cn.yjzf.account;

import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import org.springframework.stereotype.Component;

/** TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with dev.samstevens.totp: secrets, the otpauth URI and its QR code, checks. */
@Component
public class Totp {

    private final TotpSettings settings;
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator();
    private final DefaultCodeGenerator generator = new DefaultCodeGenerator();
    private final SystemTimeProvider time = new SystemTimeProvider();

    Totp(TotpSettings settings) {
        this.settings = settings;
    }

    public String newSecret() {
        return secrets.generate();
    }

    /** What an authenticator app scans. */
    public QrData enrolment(String username, String secret) {
        return new QrData.Builder().label(username).secret(secret).issuer(settings.issuer())
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
    }

    public String qrDataUri(QrData data) {
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("二维码生成失败", e);
        }
    }

    /**
     * The time step whose code {@code code} is (this one or a neighbour, for clock drift), or -1. The caller accepts a
     * step once, so a code seen by someone else cannot be replayed.
     */
    public long matchingStep(String secret, String code) {
        if (secret == null || code == null || !code.trim().matches("\\d{6}")) {
            return -1;
        }
        long now = Math.floorDiv(time.getTime(), 30);
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (MessageDigest.isEqual(generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        code.trim().getBytes(StandardCharsets.US_ASCII))) {
                    return step;
                }
            } catch (CodeGenerationException e) {
                return -1;
            }
        }
        return -1;
    }
}

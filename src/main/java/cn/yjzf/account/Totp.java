package cn.yjzf.account;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
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
    private final CodeVerifier verifier;

    Totp(TotpSettings settings) {
        this.settings = settings;
        DefaultCodeVerifier v = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());
        v.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = v;
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

    public boolean verify(String secret, String code) {
        return secret != null && code != null && code.trim().matches("\\d{6}") && verifier.isValidCode(secret, code.trim());
    }
}

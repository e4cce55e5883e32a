package cn.yjzf.account;

import cn.yjzf.organisation.CurrentUser;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.security.totp.*}: whether the three administrator roles need a second factor (TOTP, RFC 6238) at login.
 * On unless configured off; the embedded demo configuration turns it off.
 */
@ConfigurationProperties("app.security.totp")
public record TotpSettings(Boolean required, String issuer) {

    public TotpSettings {
        required = required == null || required;
        issuer = issuer == null || issuer.isBlank() ? "应急执法" : issuer;
    }

    public boolean requiredFor(CurrentUser user) {
        return required && user.isAdministrator();
    }
}

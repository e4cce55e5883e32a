package cn.yjzf.organisation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code app.security.lockout.*}: after {@code maxFailures} consecutive failed logins the account is locked for {@code duration}. */
@ConfigurationProperties("app.security.lockout")
public record LockoutPolicy(Integer maxFailures, Duration duration) {

    public LockoutPolicy {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        duration = duration == null ? Duration.ofMinutes(30) : duration;
    }
}

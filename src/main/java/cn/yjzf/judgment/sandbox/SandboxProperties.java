package cn.yjzf.judgment.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.rules.sandbox.*}: limits of the child process that validates unreviewed rules — wall-clock
 * {@code timeout} (then it is killed and the run reported as timed out) and {@code max-heap} ({@code -Xmx}).
 */
@ConfigurationProperties("app.rules.sandbox")
public record SandboxProperties(Duration timeout, String maxHeap) {

    public SandboxProperties {
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
        maxHeap = maxHeap == null || !maxHeap.matches("\\d+[kKmMgG]?") ? "512m" : maxHeap;
    }
}

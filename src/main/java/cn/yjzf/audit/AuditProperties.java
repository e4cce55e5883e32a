package cn.yjzf.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.audit.*}: where anchors and archived segments are written (both outside the database), how often, and
 * after how long rows leave the live table. {@code archiveAfter} may not be under 180 days: 网络安全法 第二十一条
 * requires network logs to be kept at least six months, and the live table is what the audit page searches.
 */
@ConfigurationProperties("app.audit")
public record AuditProperties(String hmacSecret, Path anchorDir, Duration anchorInterval, Path archiveDir,
                              Duration archiveAfter, Duration verifyInterval) {

    static final Duration SIX_MONTHS = Duration.ofDays(180);

    public AuditProperties {
        anchorDir = anchorDir == null ? Path.of("data/audit-anchors") : anchorDir;
        archiveDir = archiveDir == null ? Path.of("data/audit-archive") : archiveDir;
        anchorInterval = anchorInterval == null ? Duration.ofMinutes(5) : anchorInterval;
        archiveAfter = archiveAfter == null ? Duration.ofDays(365) : archiveAfter;
        verifyInterval = verifyInterval == null ? Duration.ofHours(1) : verifyInterval;
        if (archiveAfter.compareTo(SIX_MONTHS) < 0) {
            throw new IllegalStateException("app.audit.archive-after must be at least P180D (网络安全法第二十一条：日志留存不少于六个月)");
        }
    }
}

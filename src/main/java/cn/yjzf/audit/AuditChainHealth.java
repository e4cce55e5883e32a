package cn.yjzf.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals the chain and checks what was written since the newest anchor when the application is ready and then every
 * {@code app.audit.verify-interval} (bounded work, see {@link ChainVerifier#verifyTail()}); verifies the whole trail
 * every night ({@code app.audit.full-verify-cron});
 * a broken chain is logged as an error and makes {@code /actuator/health} DOWN (details only for the audit
 * administrator's page, never anonymously). Health reads the last result and never runs a verification itself, so
 * the anonymous endpoint cannot be used to load the database.
 */
@Component("auditChain")
class AuditChainHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AuditChainHealth.class);

    private final AuditTrail trail;
    private final ChainVerifier verifier;

    AuditChainHealth(AuditTrail trail, ChainVerifier verifier) {
        this.trail = trail;
        this.verifier = verifier;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        trail.sealIfNeeded();
        ChainReport report = verifier.verifyTail();
        if (report.intact()) {
            log.info(report.summary());
        }
    }

    @Scheduled(fixedDelayString = "${app.audit.verify-interval:PT1H}", initialDelayString = "${app.audit.verify-interval:PT1H}")
    void periodically() {
        verifier.verifyTail();
    }

    @Scheduled(cron = "${app.audit.full-verify-cron:0 15 3 * * *}", zone = "${app.time-zone:Asia/Shanghai}")
    void nightly() {
        verifier.verify();
    }

    @Override
    public Health health() {
        return verifier.last()
                .map(r -> (r.intact() ? Health.up() : Health.down())
                        .withDetail("firstBrokenSeq", r.firstBrokenSeq() == null ? "" : r.firstBrokenSeq())
                        .withDetail("summary", r.summary()).build())
                .orElseGet(() -> Health.unknown().build());
    }
}

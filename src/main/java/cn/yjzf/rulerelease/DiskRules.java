package cn.yjzf.rulerelease;

import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleValidator;
import cn.yjzf.judgment.RulesProperties;
import java.nio.file.Files;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the rules directory that maintainers edit. When its content differs from the live release it is compiled
 * and scenario-tested in the background and the outcome (errors with file:line, failing scenarios, coverage) is shown
 * on the maintainer page at once. Nothing here changes the running rules: a maintainer submits the directory for
 * legal review, and only an approved release goes live.
 */
@Component
public class DiskRules {

    private final RulesProperties properties;
    private final RuleReleaseService releases;
    private volatile Status status;

    /** The directory as last checked: its hash, whether it equals the live release, and its validation (if it differs). */
    public record Status(String dir, String contentHash, Instant checkedAt, boolean sameAsLive, ValidationReport report) {
    }

    DiskRules(RulesProperties properties, RuleReleaseService releases) {
        this.properties = properties;
        this.releases = releases;
    }

    @Scheduled(fixedDelayString = "${app.rules.watch-interval:PT3S}", initialDelayString = "${app.rules.watch-interval:PT3S}")
    public synchronized Status check() {
        if (!Files.isDirectory(properties.dir())) {
            return status;
        }
        RuleFiles files = RuleFiles.fromDirectory(properties.dir());
        String hash = files.contentHash();
        Long live = releases.liveReleaseId();
        boolean same = live != null && releases.get(live).getContentHash().equals(hash);
        if (status != null && status.contentHash().equals(hash) && status.sameAsLive() == same) {
            return status;
        }
        ValidationReport report = same ? null : ValidationReport.of(new RuleValidator().validate(files));
        status = new Status(files.origin(), hash, Instant.now(), same, report);
        return status;
    }

    public Status status() {
        return status;
    }
}

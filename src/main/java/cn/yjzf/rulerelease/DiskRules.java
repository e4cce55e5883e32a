package cn.yjzf.rulerelease;

import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RulesProperties;
import cn.yjzf.judgment.sandbox.RuleSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the rules directory that maintainers edit. When its content differs from the live release it is compiled
 * and scenario-tested in the background, in the {@link RuleSandbox} child process and the outcome (errors with file:line, failing scenarios, coverage) is shown
 * on the maintainer page at once. Nothing here changes the running rules: a maintainer submits the directory for
 * legal review, and only an approved release goes live.
 */
@Component
public class DiskRules {

    private final RulesProperties properties;
    private final RuleReleaseService releases;
    private final RuleSandbox sandbox;
    private volatile Status status;
    private String checkedStamp;

    /**
     * The directory as last checked: its hash, whether it equals the live release, its validation (if it differs;
     * every rule family, in the sandbox) and the hash of each other family's files (family id → hash).
     */
    public record Status(String dir, String contentHash, Instant checkedAt, boolean sameAsLive, ValidationReport report,
                         java.util.Map<String, String> familyHashes, String hazardHash) {
    }

    private final java.util.List<cn.yjzf.judgment.LiveFamily<?>> families;

    DiskRules(RulesProperties properties, RuleReleaseService releases, RuleSandbox sandbox,
              java.util.List<cn.yjzf.judgment.LiveFamily<?>> families) {
        this.properties = properties;
        this.releases = releases;
        this.sandbox = sandbox;
        this.families = java.util.List.copyOf(families);
    }

    @Scheduled(fixedDelayString = "${app.rules.watch-interval:PT3S}", initialDelayString = "${app.rules.watch-interval:PT3S}")
    public synchronized Status check() {
        if (!Files.isDirectory(properties.dir())) {
            return status;
        }
        Long live = releases.liveReleaseId();
        String stamp = live + "|" + stamp(properties.dir());
        if (stamp.equals(checkedStamp)) {
            return status; // nothing touched since the last check: no need to read every file again
        }
        checkedStamp = stamp;
        RuleFiles files = RuleFiles.fromDirectory(properties.dir());
        String hash = files.contentHash();
        boolean same = live != null && releases.contentHash(live).equals(hash);
        if (status != null && status.contentHash().equals(hash) && status.sameAsLive() == same) {
            return status;
        }
        // Unreviewed code: compiled and run only in the sandbox process.
        ValidationReport report = same ? null : ValidationReport.of(sandbox.validate(files));
        java.util.Map<String, String> familyHashes = new java.util.TreeMap<>();
        families.forEach(f -> familyHashes.put(f.family().id(), f.family().hash(files)));
        status = new Status(files.origin(), hash, Instant.now(), same, report, familyHashes,
                RuleFamilies.hazardHash(files, families));
        return status;
    }

    /** Paths, sizes and modification times of the rule files: changes whenever a maintainer saves one. */
    private static String stamp(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return p + ":?";
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable:" + System.nanoTime(); // read the files and report what fails
        }
    }

    public Status status() {
        return status;
    }
}

package cn.yjzf.rulerelease;

import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleValidation;
import cn.yjzf.judgment.RuleValidator;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's rule engine on the live release recorded in the database. Every instance polls the single
 * live pointer; on a change it compiles the release and runs all its scenarios in the background, and only if
 * everything passes swaps the engine's rule base. On failure the last good rule base stays in force and the failure
 * is kept for the maintainer page.
 */
@Component
public class LiveRules {

    private static final Logger log = LoggerFactory.getLogger(LiveRules.class);

    private final RuleReleaseService releases;
    private final RuleEngine engine;
    private volatile Long installed;
    private volatile Failure lastFailure;

    /** A live release this instance could not install. */
    public record Failure(Long releaseId, Instant at, List<String> problems) {
    }

    LiveRules(RuleReleaseService releases, RuleEngine engine) {
        this.releases = releases;
        this.engine = engine;
    }

    /**
     * A rules directory that does not compile never stops an instance that has a good live release: it starts on
     * that release (the maintainer page shows the disk's errors). Without any release there is nothing good to run,
     * and start-up fails with the compile errors.
     */
    @jakarta.annotation.PostConstruct
    void runLiveReleaseIfTheDiskIsBroken() {
        if (engine.ruleBase() != null) {
            return;
        }
        Long live = releases.liveReleaseId();
        if (live == null) {
            throw engine.startupFailure();
        }
        engine.install(releases.compiled(releases.get(live)));
        installed = live;
        log.warn("规则目录有错误，本实例使用数据库中的在用版本 #{} 启动；错误见“规则维护”页", live);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        RuleBase running = engine.ruleBase();
        if (installed != null) {
            sync();
            return; // started on the live release (the disk did not compile)
        }
        releases.recordFirstStart(running);
        Long live = releases.liveReleaseId();
        if (live != null && releases.contentHash(live).equals(running.files().contentHash())) {
            installed = live; // the engine already runs exactly these rules
        }
        sync();
    }

    /** Follows the live pointer; also called right after an approval on this instance. */
    @Scheduled(fixedDelayString = "${app.rules.sync-interval:PT10S}", initialDelayString = "${app.rules.sync-interval:PT10S}")
    public synchronized void sync() {
        Long live = releases.liveReleaseId();
        if (live == null || live.equals(installed) || (lastFailure != null && live.equals(lastFailure.releaseId()))) {
            return;
        }
        RuleRelease release = releases.get(live);
        RuleFiles files = releases.files(release);
        RuleValidation validation = new RuleValidator().validate(files);
        if (!validation.ok()) {
            List<String> problems = java.util.stream.Stream.concat(
                    validation.problems().stream().map(Object::toString),
                    validation.scenarios().stream().filter(s -> !s.passed()).map(s -> s.file() + ": 场景「" + s.name() + "」未通过"))
                    .toList();
            lastFailure = new Failure(live, Instant.now(), problems);
            log.error("在用规则版本 #{} 在本实例校验未通过，继续使用原规则库：{}", live, problems);
            return;
        }
        engine.install(validation.ruleBase());
        installed = live;
        lastFailure = null;
    }

    /** The release this instance judges with (null before the first sync). */
    public Long installedRelease() {
        return installed;
    }

    public Failure lastFailure() {
        return lastFailure;
    }
}

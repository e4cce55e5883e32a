package cn.yjzf.rulerelease;

import cn.yjzf.judgment.FamilyValidation;
import cn.yjzf.judgment.LiveFamily;
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
 * Keeps this instance's rules on the live release recorded in the database: the hazard rule engine and every other
 * rule family released with it (penalty frames, case procedure — each a {@link LiveFamily}). Every instance polls
 * the single live pointer; on a change it compiles the release and runs all the scenarios of every family in the
 * background, and only if everything passes swaps each family's rules (one atomic step per family). On failure the
 * last good rules of every family stay in force and the failure is kept for the maintainer page. A family with no
 * files in a release (a hazard-only rules directory) keeps the rules it has.
 */
@Component
public class LiveRules {

    private static final Logger log = LoggerFactory.getLogger(LiveRules.class);

    private final RuleReleaseService releases;
    private final RuleEngine engine;
    private final List<LiveFamily<?>> families;
    private volatile Long installed;
    /** The hazard part of the installed release (for the maintainer page's disk comparison). */
    private volatile String installedHazardHash;
    private volatile Failure lastFailure;

    /** A live release this instance could not install. */
    public record Failure(Long releaseId, Instant at, List<String> problems) {
    }

    LiveRules(RuleReleaseService releases, RuleEngine engine, List<LiveFamily<?>> families) {
        this.releases = releases;
        this.engine = engine;
        this.families = List.copyOf(families);
    }

    /**
     * A rules directory that does not compile never stops an instance that has a good live release: it starts on
     * that release (the maintainer page shows the disk's errors). Without any release there is nothing good to run,
     * and start-up fails with the compile errors.
     */
    @jakarta.annotation.PostConstruct
    void runLiveReleaseIfTheDiskIsBroken() {
        List<LiveFamily<?>> broken = families.stream().filter(f -> f.installed() == null).toList();
        if (engine.ruleBase() != null && broken.isEmpty()) {
            return;
        }
        Long live = releases.liveReleaseId();
        if (live == null) {
            throw engine.ruleBase() == null ? engine.startupFailure() : broken.get(0).startupFailure();
        }
        RuleRelease release = releases.get(live);
        RuleFiles files = releases.files(release);
        if (engine.ruleBase() == null) {
            engine.install(releases.compiled(release));
            installed = live;
            installedHazardHash = RuleFamilies.hazardHash(files, families);
        }
        for (LiveFamily<?> f : broken) {
            if (!f.family().presentIn(files)) {
                throw f.startupFailure(); // nothing good to run for this family
            }
            installCompiled(f, files, live); // approved: compiled here, like the hazard rules above
        }
        log.warn("规则目录有错误，本实例使用数据库中的在用版本 #{} 启动；错误见“规则维护”页", live);
    }

    private static <T> void installCompiled(LiveFamily<T> f, RuleFiles files, Long releaseId) {
        f.install(f.family().compile(files), f.family().hash(files), releaseId, files.origin());
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
            RuleFiles files = running.files();
            installedHazardHash = RuleFamilies.hazardHash(files, families);
            families.stream().filter(f -> f.installed() != null && f.family().presentIn(files)
                    && f.installed().hash().equals(f.family().hash(files))).forEach(f -> f.adopt(live));
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
        List<Pending> pending = families.stream().filter(f -> f.family().presentIn(files))
                .map(f -> validate(f, files, live)).toList();
        List<String> problems = java.util.stream.Stream.of(
                validation.problems().stream().map(Object::toString),
                validation.scenarios().stream().filter(s -> !s.passed()).map(s -> s.file() + ": 场景「" + s.name() + "」未通过"),
                pending.stream().flatMap(p -> p.validation().failures().stream()))
                .flatMap(x -> x).toList();
        if (!validation.ok() || !pending.stream().allMatch(p -> p.validation().ok())) {
            lastFailure = new Failure(live, Instant.now(), problems);
            log.error("在用规则版本 #{} 在本实例校验未通过，继续使用原规则：{}", live, problems);
            return;
        }
        engine.install(validation.ruleBase());
        pending.forEach(p -> p.install().run());
        installed = live;
        installedHazardHash = RuleFamilies.hazardHash(files, families);
        lastFailure = null;
    }

    /** A family validated from a release, and the swap to run once every family of the release passed. */
    private record Pending(FamilyValidation<?> validation, Runnable install) {
    }

    private static <T> Pending validate(LiveFamily<T> f, RuleFiles files, Long releaseId) {
        FamilyValidation<T> v = f.family().validate(files);
        return new Pending(v, () -> f.install(v.rules(), f.family().hash(files), releaseId, files.origin()));
    }

    /** SHA-256 of the hazard rules of the installed release (files outside the other families' folders); null before. */
    public String installedHazardHash() {
        return installedHazardHash;
    }

    /** The other rule families and what each runs on this instance. */
    public List<LiveFamily<?>> families() {
        return families;
    }

    /** The release this instance judges with (null before the first sync). */
    public Long installedRelease() {
        return installed;
    }

    public Failure lastFailure() {
        return lastFailure;
    }
}

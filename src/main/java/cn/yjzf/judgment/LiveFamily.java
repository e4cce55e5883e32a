package cn.yjzf.judgment;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's rules of one {@link RuleFamily}, swapped as a whole in one atomic step, exactly like the hazard
 * {@link RuleEngine}: compiled from the rules directory at start-up (the seed), then replaced by the live release
 * whenever it changes ({@code rulerelease.LiveRules}). A directory that does not compile leaves the family empty and
 * remembers why; the application then starts on the live release and refuses to start only when there is none.
 * A caller reads {@link #installed()} once per evaluation, so an evaluation never mixes two versions.
 */
public abstract class LiveFamily<T> {

    private static final Logger log = LoggerFactory.getLogger(LiveFamily.class);

    /**
     * Rules in force here and where they came from: {@code releaseId} is null for the start-up seed until it is
     * known to equal a release (then adopted) or replaced by one.
     */
    public record Installed<T>(T rules, String hash, Long releaseId, String origin, Instant at) {

        /** "发布版本#12 sha256:0123456789ab" (or "启动目录 …" for an unreleased seed), as recorded with every use. */
        public String version() {
            return (releaseId == null ? "启动目录" : "发布版本#" + releaseId) + " sha256:" + hash.substring(0, 12);
        }
    }

    private final RuleFamily<T> family;
    private final AtomicReference<Installed<T>> current = new AtomicReference<>();
    private final RuleCompilationException startupFailure;

    protected LiveFamily(RuleFamily<T> family, RuleFiles seed) {
        this.family = family;
        RuleCompilationException failure = null;
        try {
            current.set(new Installed<>(family.compile(seed), family.hash(seed), null, seed.origin(), Instant.now()));
        } catch (RuleCompilationException e) {
            failure = e;
            log.error("{}（{}）未能编译，将使用数据库中的在用版本（如有）：{}", family.title(), seed.origin(), e.getMessage());
        }
        this.startupFailure = failure;
    }

    public RuleFamily<T> family() {
        return family;
    }

    /** Null only while the directory did not compile and no release has been installed yet. */
    public Installed<T> installed() {
        return current.get();
    }

    public RuleCompilationException startupFailure() {
        return startupFailure;
    }

    /** Replaces the rules in one step; an evaluation already running keeps the snapshot it read. */
    public void install(T rules, String hash, Long releaseId, String origin) {
        Installed<T> previous = current.getAndSet(new Installed<>(rules, hash, releaseId, origin, Instant.now()));
        log.info("{}已切换：{} → 发布版本#{}", family.title(), previous == null ? "（无）" : previous.version(), releaseId);
    }

    /** The seed equals this release (same family files): record it as the release's rules without recompiling. */
    public void adopt(Long releaseId) {
        current.updateAndGet(i -> i == null ? null : new Installed<>(i.rules(), i.hash(), releaseId, i.origin(), i.at()));
    }

    /** The rules to evaluate with now; a clear 409 if none could be loaded (never expected after start-up). */
    protected Installed<T> require() {
        Installed<T> i = current.get();
        if (i == null) {
            throw new IllegalStateException(family.title() + "未加载：规则目录有错误且没有在用版本");
        }
        return i;
    }
}

package cn.yjzf.rulerelease;

import cn.yjzf.review.FourEyesReview;
import cn.yjzf.review.ReviewStatus;
import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleSetRef;
import cn.yjzf.judgment.RulesProperties;
import cn.yjzf.judgment.sandbox.RuleSandbox;
import cn.yjzf.judgment.sandbox.SandboxResult;
import cn.yjzf.organisation.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submitting, validating, reviewing and publishing rule versions. A submission is stored first, then compiled and
 * scenario-tested in the background (never executed before that passes); a legal reviewer who is not the author
 * approves or rejects it; approval moves the single live pointer under a row lock, and every instance follows it.
 */
@Service
public class RuleReleaseService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RuleReleaseService.class);

    static final int MAX_NOTE = 2000;

    private final RuleReleaseRepository releases;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final RulesProperties properties;
    private final ObjectMapper json;
    private final RuleSandbox sandbox;
    /** A release left SUBMITTED this long (its validator crashed or was stopped) is validated again. */
    private final java.time.Duration orphanAfter;
    /** Releases this instance is validating right now: never picked up again as orphans meanwhile. */
    private final java.util.Set<Long> validating = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** One validation at a time: compiling rules is CPU-heavy and the machine may have two cores. */
    private final ExecutorService validations = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rule-validation");
        t.setDaemon(true);
        return t;
    });
    /** Compiled releases for re-judging and impact previews; a few at most (each holds its KieBases). */
    private final Map<Long, RuleBase> compiled = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, RuleBase> eldest) {
                    return size() > 3;
                }
            });

    RuleReleaseService(RuleReleaseRepository releases, JdbcTemplate jdbc, PlatformTransactionManager txm,
                       AuditTrail audit, RulesProperties properties, ObjectMapper json, RuleSandbox sandbox,
                       @org.springframework.beans.factory.annotation.Value("${app.rules.orphan-after:PT5M}") java.time.Duration orphanAfter) {
        this.releases = releases;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.sandbox = sandbox;
        this.orphanAfter = orphanAfter;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        validations.shutdownNow();
    }

    /** A stored submission and the validation running for it in the background. */
    public record Submitted(RuleRelease release, CompletableFuture<RuleRelease> validated) {
    }

    @PreAuthorize("hasRole('RULE_MAINTAINER')")
    public Submitted submitDirectory(CurrentUser user, String changeNote) {
        return submit(user.username(), RuleRelease.Origin.DIRECTORY, RuleFiles.read(properties.dir()), changeNote);
    }

    @PreAuthorize("hasRole('RULE_MAINTAINER')")
    public Submitted submitUpload(CurrentUser user, byte[] zip, String changeNote) {
        requireNote(changeNote);
        return submit(user.username(), RuleRelease.Origin.UPLOAD, ReleaseArchive.unpack(zip, "上传"), changeNote);
    }

    private Submitted submit(String author, RuleRelease.Origin origin, RuleFiles files, String changeNote) {
        requireNote(changeNote);
        RuleRelease saved = tx.execute(s -> {
            RuleRelease r = releases.save(new RuleRelease(origin, files.contentHash(), ReleaseArchive.pack(files),
                    files.files().size(), changeNote.trim(), author, Instant.now()));
            audit.record(author, "RULE_RELEASE_SUBMITTED", "RuleRelease", r.getId(),
                    origin + " " + r.getFileCount() + " 个文件 sha256:" + r.getContentHash() + " " + r.getChangeNote());
            return r;
        });
        return new Submitted(saved, validateInBackground(saved.getId()));
    }

    private CompletableFuture<RuleRelease> validateInBackground(Long id) {
        validating.add(id);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return validate(id);
            } finally {
                validating.remove(id);
            }
        }, validations);
    }

    /**
     * Validates again every release that has been waiting (SUBMITTED) longer than {@code app.rules.orphan-after}:
     * its validation died with an instance (crash, kill, restart). Runs at start-up and every
     * {@code app.rules.orphan-check-interval}; another instance validating the same release at the same time is
     * harmless (the second one finds it no longer SUBMITTED, or loses on the version check).
     */
    public List<CompletableFuture<RuleRelease>> resumeOrphans() {
        Instant before = Instant.now().minus(orphanAfter);
        return releases.waitingSince(ReviewStatus.SUBMITTED, before).stream()
                .filter(id -> !validating.contains(id))
                .peek(id -> log.warn("规则版本 #{} 提交后未完成校验（实例中断？），重新校验", id))
                .map(this::validateInBackground)
                .toList();
    }

    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelayString = "${app.rules.orphan-check-interval:PT1M}", initialDelayString = "${app.rules.orphan-check-interval:PT1M}")
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void resumeOrphansRegularly() {
        resumeOrphans();
    }

    private static void requireNote(String changeNote) {
        if (changeNote == null || changeNote.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("changeNote", "REQUIRED", "请填写修改说明")));
        }
        if (changeNote.length() > MAX_NOTE) {
            throw new InvalidInputException(List.of(new FieldProblem("changeNote", "TOO_LONG", "修改说明不能超过 " + MAX_NOTE + " 字")));
        }
    }

    /**
     * Checks, compiles and scenario-tests a submitted release in the sandbox process (it is unreviewed code, so it
     * never runs here) and records the outcome (status VALIDATED or INVALID).
     */
    RuleRelease validate(Long id) {
        RuleRelease r = get(id);
        SandboxResult result = sandbox.validate(files(r));
        ValidationReport report = ValidationReport.of(result);
        List<ReleasedRuleSet> sets = report.ok() ? result.ruleSets().stream().map(ReleasedRuleSet::of).toList() : List.of();
        return tx.execute(s -> {
            RuleRelease fresh = get(id);
            if (fresh.getStatus() != ReviewStatus.SUBMITTED) {
                return fresh; // validated meanwhile by another instance picking up an orphan
            }
            fresh.validated(report.ok(), toJson(report), sets, Instant.now());
            audit.record("系统", report.ok() ? "RULE_RELEASE_VALIDATED" : "RULE_RELEASE_INVALID", "RuleRelease", id,
                    report.problems().size() + " 个问题，" + report.failedScenarios() + " 个场景失败，共 "
                            + report.scenarios().size() + " 个场景");
            return releases.save(fresh);
        });
    }

    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    public RuleRelease approve(CurrentUser reviewer, Long id, long expectedVersion, String note) {
        return tx.execute(s -> {
            Long previous = lockLivePointer();
            RuleRelease r = current(id, expectedVersion);
            Instant now = Instant.now();
            r.approve(reviewer.username(), FourEyesReview.note(note), now);
            if (previous != null) {
                RuleRelease old = get(previous);
                old.supersede(now);
                releases.save(old);
            }
            releases.saveAndFlush(r);
            jdbc.update("UPDATE rule_live SET release_id = ?, changed_at = ? WHERE id = 1", r.getId(),
                    java.sql.Timestamp.from(now));
            audit.record(reviewer.username(), "RULE_RELEASE_APPROVED", "RuleRelease", id,
                    "发布为在用版本" + (previous == null ? "" : "，取代 #" + previous) + (note == null ? "" : "：" + note));
            return r;
        });
    }

    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    public RuleRelease reject(CurrentUser reviewer, Long id, long expectedVersion, String reason) {
        String why = FourEyesReview.requireReason(reason);
        return tx.execute(s -> {
            RuleRelease r = current(id, expectedVersion);
            r.reject(reviewer.username(), why, Instant.now());
            audit.record(reviewer.username(), "RULE_RELEASE_REJECTED", "RuleRelease", id, why);
            return releases.save(r);
        });
    }

    /**
     * On the very first start the rules the system was installed with become release #1 and go live: they are what
     * the engine already runs (compiled at start-up, checked by the build's scenario gate).
     */
    void recordFirstStart(RuleBase running) {
        RuleFiles files = running.files();
        tx.executeWithoutResult(s -> {
            if (lockLivePointer() != null || releases.count() > 0) {
                return;
            }
            Instant now = Instant.now();
            RuleRelease r = releases.save(new RuleRelease(RuleRelease.Origin.FIRST_START, files.contentHash(),
                    ReleaseArchive.pack(files), files.files().size(), "首次启动时导入的规则目录（" + files.origin() + "）",
                    "系统", now));
            r.validated(true, toJson(ValidationReport.notRun("首次启动导入：规则已在启动时编译；场景由构建中的规则校验执行")),
                    describe(running), now);
            r.installAsFirst(now);
            releases.saveAndFlush(r);
            jdbc.update("UPDATE rule_live SET release_id = ?, changed_at = ? WHERE id = 1", r.getId(),
                    java.sql.Timestamp.from(now));
            audit.record("系统", "RULE_RELEASE_FIRST_START", "RuleRelease", r.getId(), "sha256:" + r.getContentHash());
        });
    }

    /** Null until the first release is recorded. */
    public Long liveReleaseId() {
        return jdbc.queryForObject("SELECT release_id FROM rule_live WHERE id = 1", Long.class);
    }

    private Long lockLivePointer() {
        return jdbc.queryForObject("SELECT release_id FROM rule_live WHERE id = 1 FOR UPDATE", Long.class);
    }

    private RuleRelease current(Long id, long expectedVersion) {
        RuleRelease r = get(id);
        FourEyesReview.requireSeen("规则版本 #" + id, r.getVersion(), expectedVersion);
        return r;
    }

    /** The content hash of a release, without loading its archive (polled by every instance). */
    public String contentHash(Long id) {
        return releases.contentHashOf(id).orElseThrow(() -> new NotFoundException("规则版本"));
    }

    public RuleRelease get(Long id) {
        return releases.findById(id).orElseThrow(() -> new NotFoundException("规则版本"));
    }

    public List<ReleaseSummary> all() {
        return releases.summaries();
    }

    /** One page of the releases, newest first (the overview's list). */
    public org.springframework.data.domain.Page<ReleaseSummary> page(org.springframework.data.domain.Pageable page) {
        return releases.summaries(page);
    }

    public RuleFiles files(RuleRelease r) {
        return ReleaseArchive.unpack(r.getArchive(), "发布版本#" + r.getId());
    }

    public ValidationReport report(RuleRelease r) {
        if (r.getValidation() == null) {
            return null;
        }
        try {
            return json.readValue(r.getValidation(), ValidationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The compiled rule base of a release (cached), compiled in this process: only for approved releases (live or
     * superseded). A release under review runs only in the sandbox ({@link ImpactPreview}).
     */
    public RuleBase compiled(RuleRelease r) {
        if (!approved(r)) {
            throw new cn.yjzf.common.ConflictException("RELEASE_NOT_APPROVED", "规则版本 #" + r.getId() + " 尚未批准，不能在本进程中运行");
        }
        return compile(r.getId(), files(r));
    }

    private RuleBase compile(Long releaseId, RuleFiles files) {
        RuleBase cached = compiled.get(releaseId);
        if (cached != null) {
            return cached;
        }
        RuleBase base = new RuleBaseLoader().load(files);
        compiled.put(releaseId, base);
        return base;
    }

    /** The rule sets a judgment recorded, compiled from the release that holds them all; empty if none does. */
    public Optional<RuleBase> ruleSetsOf(List<RuleSetRef> refs) {
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        for (RuleRelease r : releases.containing(refs.get(0).hash())) {
            if (!approved(r)) {
                continue; // judgments are only ever made with approved releases
            }
            List<String> hashes = r.getRuleSets().stream().map(ReleasedRuleSet::getHash).toList();
            if (refs.stream().allMatch(ref -> hashes.contains(ref.hash()))) {
                return Optional.of(compiled(r).restrictedTo(refs));
            }
        }
        return Optional.empty();
    }

    private static boolean approved(RuleRelease r) {
        return r.getStatus() == ReviewStatus.LIVE || r.getStatus() == ReviewStatus.SUPERSEDED;
    }

    private static List<ReleasedRuleSet> describe(RuleBase base) {
        return base.ruleSets().stream().map(s -> new ReleasedRuleSet(s.manifest().id(), s.manifest().version(),
                s.hash(), s.manifest().name(), s.manifest().effectiveFrom(), s.manifest().effectiveTo())).toList();
    }

    private String toJson(ValidationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

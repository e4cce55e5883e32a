package cn.yjzf.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the whole audit trail: archived segments (HMAC, file hash, every row) then the live table, in sequence
 * order, against the keyed hashes, the stored head and the anchors outside the database. Detects changed rows (even
 * with recomputed plain hashes), deleted rows (a missing sequence number), and deleted newest rows (head or anchor
 * names a later row). The rows are read in one repeatable-read snapshot, the anchors just before it, so appends
 * running meanwhile never look like truncation.
 */
@Service
public class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private final JdbcTemplate jdbc;
    private final AuditKey key;
    private final AnchorLog anchors;
    private final ArchiveSegments archive;
    private final TransactionTemplate snapshot;
    private volatile ChainReport last;

    ChainVerifier(DataSource dataSource, AuditKey key, AnchorLog anchors, ArchiveSegments archive,
                  PlatformTransactionManager tx) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.key = key;
        this.anchors = anchors;
        this.archive = archive;
        this.snapshot = new TransactionTemplate(tx);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The most recent verification in this process (start-up, schedule, command, page). */
    public Optional<ChainReport> last() {
        return Optional.ofNullable(last);
    }

    /** The whole trail, archived segments included (nightly, the audit page, the CLI). */
    public ChainReport verify() {
        return verify(false);
    }

    /**
     * Only the rows from the newest anchor that the database still holds to the head, so the start-up and hourly
     * checks cost what was written since the last check, not the whole history. The anchor's row must still carry
     * the anchored hash, so the tail joins the part verified before; older rows are re-checked by {@link #verify()}
     * every night. Falls back to the full walk when there is no usable anchor.
     */
    public ChainReport verifyTail() {
        return verify(true);
    }

    private ChainReport verify(boolean tailOnly) {
        String chainId = jdbc.queryForObject("SELECT chain_id FROM audit_chain_head WHERE id = 1", String.class);
        AnchorLog.Read outside = chainId == null || !chainId.matches("[0-9a-f-]{36}")
                ? new AnchorLog.Read(List.of(), List.of()) : anchors.read(chainId);
        ChainReport report = snapshot.execute(s -> walk(outside, chainId, tailOnly));
        last = report;
        if (report.intact()) {
            try {
                anchors.anchorHead();
            } catch (RuntimeException e) {
                log.warn("审计锚点未写入：{}", e.getMessage());
            }
        } else {
            log.error(report.summary());
        }
        return report;
    }

    private ChainReport walk(AnchorLog.Read outside, String chainIdBefore, boolean tailOnly) {
        Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_hash, last_seq, keyed_from_seq, chain_id FROM audit_chain_head WHERE id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        Long anchorSeq = outside.anchors().stream().map(AnchorLog.Anchor::seq).max(Long::compare).orElse(null);
        List<ArchiveSegments.Segment> segments = archive.segments();
        if (head.get("keyed_from_seq") == null || head.get("chain_id") == null
                || !head.get("chain_id").equals(chainIdBefore)) {
            return ChainReport.broken(1, "链头没有密钥链起点（keyed_from_seq 为空），链可被无密钥重算", 1, 0, headSeq, anchorSeq,
                    segments.size());
        }
        if (!outside.forged().isEmpty()) {
            return new ChainReport(false, null, "外部锚点签名不符：" + String.join("、", outside.forged()), 1, 0, headSeq,
                    anchorSeq, segments.size(), java.time.Instant.now());
        }
        long keyedFrom = ((Number) head.get("keyed_from_seq")).longValue();
        Walk w = new Walk(key, keyedFrom, (String) head.get("chain_id"), outside.anchors());
        Long from = tailOnly ? tailStart(outside, headSeq, keyedFrom, segments) : null;
        if (from != null) {
            w.startAt(from);
            jdbc.query("SELECT * FROM audit_event WHERE seq >= ? ORDER BY seq", rs -> {
                if (w.brokenAt == null) {
                    w.accept(row(rs));
                }
            }, from);
            if (w.brokenAt == null) {
                w.finish(headSeq, (String) head.get("last_hash"), anchorSeq);
            }
            return w.report(headSeq, anchorSeq, segments.size());
        }
        for (ArchiveSegments.Segment s : segments) {
            if (!w.segment(s, archive)) {
                return w.report(headSeq, anchorSeq, segments.size());
            }
        }
        jdbc.query("SELECT * FROM audit_event ORDER BY seq", rs -> {
            if (w.brokenAt == null) {
                w.accept(row(rs));
            }
        });
        if (w.brokenAt == null) {
            w.finish(headSeq, (String) head.get("last_hash"), anchorSeq);
        }
        return w.report(headSeq, anchorSeq, segments.size());
    }

    /** The newest anchored sequence number still in the live table and not before the keyed chain, or null. */
    private static Long tailStart(AnchorLog.Read outside, long headSeq, long keyedFrom,
                                  List<ArchiveSegments.Segment> segments) {
        long archivedUpTo = segments.stream().mapToLong(ArchiveSegments.Segment::lastSeq).max().orElse(0);
        return outside.anchors().stream().map(AnchorLog.Anchor::seq)
                .filter(seq -> seq <= headSeq && seq > archivedUpTo && seq > keyedFrom)
                .max(Long::compare).orElse(null);
    }

    static ChainRow row(ResultSet rs) throws SQLException {
        return new ChainRow(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                rs.getObject("entity_id", Long.class), rs.getString("detail"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** The running state of one verification; the first break stops it. */
    private static final class Walk {
        private final AuditKey key;
        private final long keyedFrom;
        private final String chainId;
        private final Map<Long, String> anchored = new HashMap<>();
        private long expected = 1;
        private String prev = AuditKey.GENESIS;
        private long checked;
        private long from = 1;
        private Long brokenAt;
        private String problem;

        Walk(AuditKey key, long keyedFrom, String chainId, List<AnchorLog.Anchor> anchors) {
            this.key = key;
            this.keyedFrom = keyedFrom;
            this.chainId = chainId;
            anchors.forEach(a -> anchored.put(a.seq(), a.hash()));
        }

        /** Begin at an anchored row: its predecessor's hash is taken from the row, its own hash must match the anchor. */
        void startAt(long seq) {
            expected = seq;
            prev = null;
            from = seq;
        }

        boolean segment(ArchiveSegments.Segment s, ArchiveSegments archive) {
            if (!archive.macMatches(s)) {
                return fail(s.firstSeq(), "归档段 " + s.fileName() + " 的签名不符（归档记录被改动）");
            }
            if (s.firstSeq() != expected || !s.firstPrevHash().equals(prev)) {
                return fail(expected, "归档段 " + s.fileName() + " 与前面的记录不相接（缺少序号 " + expected + " 起的记录）");
            }
            List<ChainRow> rows;
            try {
                byte[] bytes = Files.readAllBytes(archive.file(s));
                if (!ArchiveSegments.sha256(bytes).equals(s.fileSha256())) {
                    return fail(s.firstSeq(), "归档文件 " + s.fileName() + " 的内容与归档时不同");
                }
                rows = archive.rows(s);
            } catch (IOException e) {
                return fail(s.firstSeq(), "归档文件 " + s.fileName() + " 无法读取（" + e.getClass().getSimpleName() + "）");
            }
            for (ChainRow r : rows) {
                if (!accept(r)) {
                    return false;
                }
            }
            if (expected - 1 != s.lastSeq() || !prev.equals(s.lastHash()) || rows.size() != s.rowCount()) {
                return fail(Math.min(expected, s.lastSeq() + 1), "归档文件 " + s.fileName() + " 的记录与归档段不符");
            }
            return true;
        }

        boolean accept(ChainRow r) {
            if (r.seq() != expected) {
                return fail(expected, r.seq() > expected
                        ? "序号 " + expected + (r.seq() - 1 > expected ? "–" + (r.seq() - 1) : "") + " 的记录缺失（被删除）"
                        : "序号重复或乱序");
            }
            if (prev == null) {
                prev = r.prevHash();
            }
            if (!r.prevHash().equals(prev)) {
                return fail(r.seq(), "前一条散列与链不相接");
            }
            if (!r.hash().equals(r.expectedHash(key, keyedFrom))) {
                return fail(r.seq(), "记录内容与其散列不符（记录被改动或散列被重算）");
            }
            if (r.seq() == keyedFrom && (!AuditTrail.SEALED.equals(r.action())
                    || r.detail() == null || !r.detail().startsWith(AuditTrail.sealDetail(chainId)))) {
                return fail(r.seq(), "密钥链起点不是本链的封存记录（链头的起点或链标识被改动）");
            }
            String anchoredHash = anchored.get(r.seq());
            if (anchoredHash != null && !anchoredHash.equals(r.hash())) {
                return fail(r.seq(), "与外部锚点记录的散列不符");
            }
            prev = r.hash();
            expected++;
            checked++;
            return true;
        }

        void finish(long headSeq, String headHash, Long anchorSeq) {
            long lastSeq = expected - 1;
            if (lastSeq < keyedFrom) {
                fail(keyedFrom, "密钥链起点记录缺失");
            } else if (headSeq != lastSeq || !headHash.equals(prev)) {
                fail(Math.min(headSeq, lastSeq) + 1, headSeq > lastSeq
                        ? "链头记录最新序号为 " + headSeq + "，表中只到 " + lastSeq + "（最新记录被删除）"
                        : "链头与最新记录不符（链头被改动）");
            } else if (anchorSeq != null && anchorSeq > lastSeq) {
                fail(lastSeq + 1, "外部锚点记录了序号 " + anchorSeq + "，表中只到 " + lastSeq + "（最新记录被删除、链头被回退）");
            }
        }

        private boolean fail(long seq, String why) {
            brokenAt = seq;
            problem = why;
            return false;
        }

        ChainReport report(long headSeq, Long anchorSeq, int segments) {
            return brokenAt == null
                    ? new ChainReport(true, null, null, from, checked, headSeq, anchorSeq, segments, java.time.Instant.now())
                    : ChainReport.broken(brokenAt, problem, from, checked, headSeq, anchorSeq, segments);
        }
    }
}

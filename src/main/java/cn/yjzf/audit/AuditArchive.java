package cn.yjzf.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves rows older than {@code app.audit.archive-after} (at least six months) out of the live table into a segment
 * file under {@code app.audit.archive-dir} (JSON lines, one event each, hashes included). The segment's record in
 * the database carries its first and last sequence numbers and hashes, the file's SHA-256 and an HMAC over all of
 * them, so {@link ChainVerifier} walks archive → live table as one chain. Archives are never deleted by the
 * application: keeping them is the operator's duty (back them up with the database).
 */
@Component
public class AuditArchive {

    private static final Logger log = LoggerFactory.getLogger(AuditArchive.class);
    private static final int MAX_ROWS_PER_SEGMENT = 100_000;

    private final JdbcTemplate jdbc;
    private final ArchiveSegments segments;
    private final AuditTrail trail;
    private final AuditProperties properties;
    private final TransactionTemplate tx;

    AuditArchive(JdbcTemplate jdbc, ArchiveSegments segments, AuditTrail trail, AuditProperties properties,
                 PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.trail = trail;
        this.properties = properties;
        this.tx = new TransactionTemplate(txManager);
    }

    @Scheduled(cron = "${app.audit.archive-cron:0 30 2 * * *}")
    void scheduled() {
        archiveOlderThan(Instant.now().minus(properties.archiveAfter()))
                .ifPresent(s -> log.info("审计记录已归档：序号 {}–{} 共 {} 条 → {}", s.firstSeq(), s.lastSeq(), s.rowCount(),
                        segments.file(s)));
    }

    /** Archives the oldest contiguous live rows written before {@code cutoff}; empty when there are none. */
    Optional<ArchiveSegments.Segment> archiveOlderThan(Instant cutoff) {
        return tx.execute(status -> {
            jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE", Long.class);
            List<ChainRow> old = jdbc.query("SELECT * FROM audit_event WHERE occurred_at < ? ORDER BY seq LIMIT ?",
                    (rs, n) -> ChainVerifier.row(rs), OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC),
                    MAX_ROWS_PER_SEGMENT);
            List<ChainRow> rows = contiguousPrefix(old);
            if (rows.isEmpty()) {
                return Optional.<ArchiveSegments.Segment>empty();
            }
            ChainRow first = rows.get(0);
            ChainRow last = rows.get(rows.size() - 1);
            String fileName = "audit-" + first.seq() + "-" + last.seq() + ".jsonl";
            String sha = write(fileName, rows);
            String mac = segments.mac(first.seq(), last.seq(), first.prevHash(), last.hash(), rows.size(), fileName, sha);
            jdbc.update("INSERT INTO audit_archive_segment (first_seq, last_seq, first_prev_hash, last_hash, row_count,"
                            + " file_name, file_sha256, archived_at, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    first.seq(), last.seq(), first.prevHash(), last.hash(), rows.size(), fileName, sha,
                    OffsetDateTime.now(), mac);
            jdbc.update("DELETE FROM audit_event WHERE seq BETWEEN ? AND ?", first.seq(), last.seq());
            ArchiveSegments.Segment segment = segments.segments().stream().filter(s -> s.firstSeq() == first.seq()).findFirst().orElseThrow();
            trail.record("system", "AUDIT_ARCHIVED", "audit_archive_segment", segment.id(),
                    "归档序号 " + first.seq() + "–" + last.seq() + " 共 " + rows.size() + " 条至 " + fileName);
            return Optional.of(segment);
        });
    }

    private List<ChainRow> contiguousPrefix(List<ChainRow> old) {
        Long min = jdbc.queryForObject("SELECT MIN(seq) FROM audit_event", Long.class);
        List<ChainRow> rows = new ArrayList<>();
        long expected = min == null ? -1 : min;
        for (ChainRow r : old) {
            if (r.seq() != expected) {
                break;
            }
            rows.add(r);
            expected++;
        }
        return rows;
    }

    private String write(String fileName, List<ChainRow> rows) {
        try {
            Files.createDirectories(properties.archiveDir());
            Path target = properties.archiveDir().resolve(fileName);
            Path tmp = properties.archiveDir().resolve(fileName + ".tmp");
            StringBuilder text = new StringBuilder();
            for (ChainRow r : rows) {
                text.append(ArchiveSegments.JSON.writeValueAsString(r)).append('\n');
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(tmp, bytes);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return ArchiveSegments.sha256(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("审计归档文件无法写入", e);
        }
    }

}

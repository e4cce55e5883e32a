package cn.yjzf.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors kept outside the database: an append-only file of (seq, hash) pairs of the chain head, each with an HMAC.
 * Someone who deletes the newest rows and rewinds the head in the database still leaves the anchors that name
 * later rows. Written every {@code app.audit.anchor-interval} when the head moved, and after each verification;
 * flushed to disk ({@code force}) before the write counts. Put the directory on storage the database administrator
 * cannot write (another host, WORM storage, a log collector).
 */
@Component
public class AnchorLog {

    static final String FILE_PREFIX = "audit-anchors-";
    private static final Logger log = LoggerFactory.getLogger(AnchorLog.class);

    record Anchor(long seq, String hash, Instant writtenAt) {
    }

    private final Path dir;
    private final AuditKey key;
    private final JdbcTemplate jdbc;

    AnchorLog(AuditProperties properties, AuditKey key, JdbcTemplate jdbc) {
        this.dir = properties.anchorDir();
        this.key = key;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${app.audit.anchor-interval:PT5M}", initialDelayString = "${app.audit.anchor-interval:PT5M}")
    public void anchorHead() {
        Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_hash, last_seq, chain_id FROM audit_chain_head WHERE id = 1");
        String chainId = (String) head.get("chain_id");
        long seq = ((Number) head.get("last_seq")).longValue();
        if (chainId == null || seq == 0) {
            return;
        }
        List<Anchor> existing = read(chainId).anchors();
        if (!existing.isEmpty() && existing.get(existing.size() - 1).seq() == seq) {
            return;
        }
        append(chainId, new Anchor(seq, (String) head.get("last_hash"), Instant.now()));
    }

    Path file(String chainId) {
        if (!chainId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("chain id");
        }
        return dir.resolve(FILE_PREFIX + chainId + ".log");
    }

    synchronized void append(String chainId, Anchor a) {
        Path file = file(chainId);
        String line = a.seq() + " " + a.hash() + " " + a.writtenAt() + " " + mac(a) + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
        } catch (IOException e) {
            log.error("审计锚点无法写入 {}", file, e);
            throw new UncheckedIOException(e);
        }
    }

    record Read(List<Anchor> anchors, List<String> forged) {
    }

    /** All anchors whose HMAC checks, in file order; lines that do not check are returned as forged. */
    Read read(String chainId) {
        Path file = file(chainId);
        List<Anchor> anchors = new ArrayList<>();
        List<String> forged = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Read(anchors, forged);
        }
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                n++;
                String[] f = line.trim().split(" ");
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Anchor a = new Anchor(Long.parseLong(f[0]), f[1], Instant.parse(f[2]));
                    if (f.length == 4 && mac(a).equals(f[3])) {
                        anchors.add(a);
                        continue;
                    }
                } catch (RuntimeException malformed) {
                    // reported as forged below
                }
                forged.add(file.getFileName() + ":" + n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(anchors, forged);
    }

    private String mac(Anchor a) {
        return key.mac("anchor", Long.toString(a.seq()), a.hash(), a.writtenAt().toString());
    }
}

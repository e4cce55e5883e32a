package cn.yjzf.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The archived segments as recorded in the database ({@code audit_archive_segment}) and their files under
 * {@code app.audit.archive-dir}: what {@link ChainVerifier} reads; {@link AuditArchive} writes them.
 */
@Component
public class ArchiveSegments {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public record Segment(long id, long firstSeq, long lastSeq, String firstPrevHash, String lastHash, long rowCount,
                          String fileName, String fileSha256, Instant archivedAt, String mac) {
    }

    private final JdbcTemplate jdbc;
    private final AuditKey key;
    private final AuditProperties properties;

    ArchiveSegments(JdbcTemplate jdbc, AuditKey key, AuditProperties properties) {
        this.jdbc = jdbc;
        this.key = key;
        this.properties = properties;
    }

    public List<Segment> segments() {
        return jdbc.query("SELECT * FROM audit_archive_segment ORDER BY first_seq", (rs, n) -> new Segment(
                rs.getLong("id"), rs.getLong("first_seq"), rs.getLong("last_seq"), rs.getString("first_prev_hash"),
                rs.getString("last_hash"), rs.getLong("row_count"), rs.getString("file_name"),
                rs.getString("file_sha256"), rs.getObject("archived_at", OffsetDateTime.class).toInstant(),
                rs.getString("mac")));
    }

    String mac(long firstSeq, long lastSeq, String firstPrevHash, String lastHash, long rowCount, String fileName,
               String fileSha256) {
        return key.mac("segment", Long.toString(firstSeq), Long.toString(lastSeq), firstPrevHash, lastHash,
                Long.toString(rowCount), fileName, fileSha256);
    }

    boolean macMatches(Segment s) {
        return mac(s.firstSeq(), s.lastSeq(), s.firstPrevHash(), s.lastHash(), s.rowCount(), s.fileName(),
                s.fileSha256()).equals(s.mac());
    }

    Path file(Segment s) {
        return properties.archiveDir().resolve(s.fileName());
    }

    List<ChainRow> rows(Segment s) throws IOException {
        List<ChainRow> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file(s), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(JSON.readValue(line, ChainRow.class));
            }
        }
        return rows;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

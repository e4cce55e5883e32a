package cn.yjzf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 8 item 3: someone with write access to the database tampers with the audit trail in each of the ways an
 * administrator could; verification names the first broken sequence number every time, and passes when intact.
 * Each test starts from a fresh chain of ten events (sealed, keyed) on its own in-memory database.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:auditchain;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
class AuditChainTest {

    static final Path DIR = Path.of("target", "audit-chain-test").toAbsolutePath();

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) {
        registry.add("app.audit.anchor-dir", () -> DIR.resolve("anchors").toString());
        registry.add("app.audit.archive-dir", () -> DIR.resolve("archive").toString());
    }

    @Autowired AuditTrail trail;
    @Autowired ChainVerifier verifier;
    @Autowired AnchorLog anchors;
    @Autowired AuditArchive archive;
    @Autowired ArchiveSegments segments;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager txManager;

    @BeforeEach
    void freshChainOfTenEvents() throws IOException {
        jdbc.update("DELETE FROM audit_event");
        jdbc.update("DELETE FROM audit_archive_segment");
        jdbc.update("UPDATE audit_chain_head SET last_hash = ?, last_seq = 0, keyed_from_seq = NULL, chain_id = NULL",
                AuditKey.GENESIS);
        FileSystemUtils.deleteRecursively(DIR);
        trail.sealIfNeeded();
        appendEvents(2, 10);
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM audit_event", Long.class)).isEqualTo(10L);
    }

    @Test
    void anIntactChainPasses() {
        ChainReport report = verifier.verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.checked()).isEqualTo(10);
        assertThat(report.headSeq()).isEqualTo(10);
    }

    @Test
    void aModifiedRowIsNamed() {
        jdbc.update("UPDATE audit_event SET detail = '企业 99' WHERE seq = 6");
        assertBrokenAt(6);
    }

    @Test
    void aModifiedRowWithEveryPlainHashRecomputedIsNamed() {
        jdbc.update("UPDATE audit_event SET actor = 'someone' WHERE seq = 4");
        // what defeated the old SHA-256 chain: recompute every later hash and the head
        String prev = jdbc.queryForObject("SELECT hash FROM audit_event WHERE seq = 3", String.class);
        for (long seq = 4; seq <= 10; seq++) {
            Map<String, Object> r = jdbc.queryForMap("SELECT * FROM audit_event WHERE seq = ?", seq);
            String hash = AuditKey.legacy(prev, ((OffsetDateTime) r.get("occurred_at")).toInstant(), (String) r.get("actor"),
                    (String) r.get("action"), (String) r.get("entity_type"), ((Number) r.get("entity_id")).longValue(),
                    (String) r.get("detail"));
            jdbc.update("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", prev, hash, seq);
            prev = hash;
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ?", prev);
        assertBrokenAt(4);
    }

    @Test
    void aDeletedMiddleRowIsNamed() {
        jdbc.update("DELETE FROM audit_event WHERE seq = 5");
        ChainReport report = assertBrokenAt(5);
        assertThat(report.problem()).contains("缺失");
    }

    @Test
    void deletedNewestRowsAreNamedFromTheStoredHead() {
        jdbc.update("DELETE FROM audit_event WHERE seq >= 9");
        ChainReport report = assertBrokenAt(9);
        assertThat(report.problem()).contains("最新记录被删除");
    }

    @Test
    void deletedNewestRowsWithTheHeadRewoundAreNamedFromTheAnchorOutsideTheDatabase() {
        anchors.anchorHead();
        jdbc.update("DELETE FROM audit_event WHERE seq >= 8");
        jdbc.update("UPDATE audit_chain_head SET last_seq = 7, last_hash = (SELECT hash FROM audit_event WHERE seq = 7)");
        ChainReport report = assertBrokenAt(8);
        assertThat(report.problem()).contains("外部锚点");
    }

    @Test
    void aForgedAnchorLineIsReported() throws IOException {
        anchors.anchorHead();
        String chainId = jdbc.queryForObject("SELECT chain_id FROM audit_chain_head", String.class);
        Files.writeString(anchors.file(chainId), "99 " + "ab".repeat(32) + " 2026-01-01T00:00:00Z 00\n",
                StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.APPEND);
        ChainReport report = verifier.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).contains("锚点签名不符");
    }

    @Test
    void switchingTheChainBackToPlainHashesIsNamed() {
        jdbc.update("UPDATE audit_chain_head SET keyed_from_seq = 11");
        assertBrokenAt(1);
    }

    @Test
    void anArchivedSegmentVerifiesAsPartOfTheChainAndItsTamperingIsNamed() throws IOException {
        ArchiveSegments.Segment s = archive.archiveOlderThan(Instant.now().plusSeconds(1)).orElseThrow();
        assertThat(s.firstSeq()).isEqualTo(1);
        assertThat(s.lastSeq()).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(1); // AUDIT_ARCHIVED
        ChainReport report = verifier.verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.checked()).isEqualTo(11);
        assertThat(report.archivedSegments()).isEqualTo(1);

        Path file = segments.file(s);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.set(2, lines.get(2).replace("企业 3", "企业 33"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertBrokenAt(1);
    }

    @Test
    void archivingNeverTakesRowsYoungerThanTheCutoff() {
        assertThat(archive.archiveOlderThan(Instant.now().minusSeconds(3600))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(10);
    }

    /** Rows written before the key (plain SHA-256, numbered by V20) are sealed, not rewritten, and stay protected. */
    @Test
    void plainRowsFromBeforeTheKeyAreSealedAndStillCheckedAfterwards() {
        jdbc.update("DELETE FROM audit_event");
        String prev = AuditKey.GENESIS;
        Instant at = Instant.parse("2026-01-05T08:00:00Z");
        for (long seq = 1; seq <= 3; seq++) {
            String hash = AuditKey.legacy(prev, at, "officer", "ENTERPRISE_REGISTERED", "enterprise", seq, "旧记录 " + seq);
            jdbc.update("INSERT INTO audit_event (seq, occurred_at, actor, action, entity_type, entity_id, detail, prev_hash, hash)"
                    + " VALUES (?, ?, 'officer', 'ENTERPRISE_REGISTERED', 'enterprise', ?, ?, ?, ?)",
                    seq, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), seq, "旧记录 " + seq, prev, hash);
            prev = hash;
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ?, last_seq = 3, keyed_from_seq = NULL, chain_id = NULL", prev);

        trail.sealIfNeeded();
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                trail.record("officer", "ENTERPRISE_REGISTERED", "enterprise", 5L, "新记录"));
        assertThat(jdbc.queryForObject("SELECT keyed_from_seq FROM audit_chain_head", Long.class)).isEqualTo(4L);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE seq = 4", String.class))
                .contains("此前 3 条记录", "旧链校验通过");
        ChainReport report = verifier.verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.checked()).isEqualTo(5);

        jdbc.update("UPDATE audit_event SET detail = '旧记录 改' WHERE seq = 2");
        assertBrokenAt(2);
    }

    /** The start-up and hourly check walk only from the newest anchor: their cost is what was written since. */
    @Test
    void theIncrementalCheckWalksFromTheNewestAnchorAndCatchesTamperingAfterIt() {
        anchors.anchorHead(); // seq 10
        appendEvents(11, 15);
        ChainReport tail = verifier.verifyTail();
        assertThat(tail.intact()).as(tail.summary()).isTrue();
        assertThat(tail.fromSeq()).isEqualTo(10);
        assertThat(tail.checked()).isEqualTo(6);
        assertThat(tail.summary()).contains("自外部锚点序号 10 起增量");

        // the check anchored the head (15); the next one starts there
        appendEvents(16, 18);
        jdbc.update("UPDATE audit_event SET detail = '企业 99' WHERE seq = 17");
        ChainReport broken = verifier.verifyTail();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.fromSeq()).isEqualTo(15);
        assertThat(broken.firstBrokenSeq()).isEqualTo(17);
    }

    @Test
    void theIncrementalCheckRefusesATailThatNoLongerJoinsTheAnchoredRow() {
        anchors.anchorHead(); // seq 10
        appendEvents(11, 12);
        jdbc.update("UPDATE audit_event SET detail = '企业 99' WHERE seq = 10");
        ChainReport changed = verifier.verifyTail();
        assertThat(changed.intact()).isFalse();
        assertThat(changed.firstBrokenSeq()).isEqualTo(10);

        jdbc.update("DELETE FROM audit_event WHERE seq = 10");
        ChainReport deleted = verifier.verifyTail();
        assertThat(deleted.intact()).isFalse();
        assertThat(deleted.firstBrokenSeq()).isEqualTo(10);
        assertThat(deleted.problem()).contains("缺失");
    }

    /** The trade-off, stated: a change before the newest anchor waits for the nightly full walk. */
    @Test
    void aChangeBeforeTheNewestAnchorIsLeftToTheFullWalk() {
        anchors.anchorHead();
        jdbc.update("UPDATE audit_event SET detail = '企业 99' WHERE seq = 4");
        assertThat(verifier.verifyTail().intact()).isTrue();
        assertBrokenAt(4);
    }

    @Test
    void withoutAnAnchorTheIncrementalCheckWalksEverything() {
        ChainReport report = verifier.verifyTail();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.fromSeq()).isEqualTo(1);
        assertThat(report.checked()).isEqualTo(10);
    }

    private void appendEvents(long from, long to) {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        for (long i = from; i <= to; i++) {
            long id = i;
            tx.executeWithoutResult(s -> trail.record("officer", "ENTERPRISE_REGISTERED", "enterprise", id, "企业 " + id));
        }
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(AuditCsv.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(AuditCsv.safe("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.safe("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.safe("企业 1")).isEqualTo("企业 1");
    }

    private ChainReport assertBrokenAt(long seq) {
        ChainReport report = verifier.verify();
        assertThat(report.intact()).as(report.summary()).isFalse();
        assertThat(report.firstBrokenSeq()).as(report.summary()).isEqualTo(seq);
        return report;
    }
}

package cn.yjzf.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract on a real PostgreSQL with the production {@code postgres} profile (no demo data). */
@SpringBootTest
@ActiveProfiles("postgres")
class PostgresFlowTest extends FlowContract {

    /** Outside demo/H2 the audit key is required; tests pass one like a deployment would (environment). */
    static final String TEST_AUDIT_SECRET = "dGVzdC1hdWRpdC1rZXktZm9yLXBvc3RncmVzLXRlc3RzLTMyYnl0ZXM=";

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    cn.yjzf.durability.DatabaseDurability durability;

    /**
     * The postgres profile sets synchronous_commit=on on every connection, so the test server's own "off" default
     * does not reach the application; the test server also runs with fsync=off, which the check reports.
     */
    @org.junit.jupiter.api.Test
    void durabilitySettingsAreCheckedAndSynchronousCommitIsOnForTheApplication() {
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        org.assertj.core.api.Assertions.assertThat(durability.problems())
                .noneMatch(p -> p.contains("synchronous_commit"))
                .anyMatch(p -> p.contains("fsync=off"));
    }

    /** Issue 8 item 3: the application's own role cannot change or remove audit rows (V21 triggers). */
    @org.junit.jupiter.api.Test
    void theApplicationsOwnRoleCannotUpdateDeleteOrTruncateAuditRows() {
        new org.springframework.transaction.support.TransactionTemplate(txManager).executeWithoutResult(s ->
                audit.record("tester", "TEST", "audit_test", 1L, "append-only"));
        Long seq = jdbc.queryForObject("SELECT MAX(seq) FROM audit_event", Long.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.update("UPDATE audit_event SET detail = 'changed' WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event"))
                .rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThat(
                jdbc.queryForObject("SELECT detail FROM audit_event WHERE seq = ?", String.class, seq)).isEqualTo("append-only");
        org.assertj.core.api.Assertions.assertThat(verifier.verify().intact()).isTrue();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresHolder.jdbcUrl("flow"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("app.audit.hmac-secret", () -> TEST_AUDIT_SECRET);
    }
}

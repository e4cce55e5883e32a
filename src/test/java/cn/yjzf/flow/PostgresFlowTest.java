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

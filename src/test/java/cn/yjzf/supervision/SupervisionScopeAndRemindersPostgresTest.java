package cn.yjzf.supervision;

import cn.yjzf.flow.EmbeddedPostgresHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same scoped listings, queue, reminders and overdue job on a real PostgreSQL with the {@code postgres} profile. */
@ActiveProfiles("postgres")
class SupervisionScopeAndRemindersPostgresTest extends SupervisionScopeAndRemindersTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresHolder.jdbcUrl("supervision"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("app.audit.hmac-secret", () -> "dGVzdC1hdWRpdC1rZXktZm9yLXBvc3RncmVzLXRlc3RzLTMyYnl0ZXM="); // test-only key
    }
}

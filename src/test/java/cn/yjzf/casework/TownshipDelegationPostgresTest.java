package cn.yjzf.casework;

import cn.yjzf.flow.EmbeddedPostgresHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same township delegation, deciding body and proposal checks on a real PostgreSQL with the production {@code postgres} profile. */
@ActiveProfiles("postgres")
class TownshipDelegationPostgresTest extends TownshipDelegationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresHolder.jdbcUrl("delegation"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("app.audit.hmac-secret", () -> "dGVzdC1hdWRpdC1rZXktZm9yLXBvc3RncmVzLXRlc3RzLTMyYnl0ZXM="); // test-only key
    }
}

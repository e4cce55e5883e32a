package cn.yjzf.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract on a real PostgreSQL with the production {@code postgres} profile (no demo data). */
@SpringBootTest
@ActiveProfiles("postgres")
class PostgresFlowTest extends FlowContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresHolder.jdbcUrl("flow"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}

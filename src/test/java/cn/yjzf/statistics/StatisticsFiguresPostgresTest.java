package cn.yjzf.statistics;

import cn.yjzf.flow.EmbeddedPostgresHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same hand-counted figures on PostgreSQL, the production database (its SQL dialect differs from H2's). */
@ActiveProfiles("postgres")
class StatisticsFiguresPostgresTest extends StatisticsFiguresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresHolder.jdbcUrl("statfigures"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("app.audit.hmac-secret", () -> "c3RhdGlzdGljcy1maWd1cmVzLXRlc3QtaG1hYy1zZWNyZXQtMzJieXRlcw==");
    }
}

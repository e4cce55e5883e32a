package cn.yjzf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.YjzfApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** {@code audit verify} on the configured database: exit 0 and a summary when intact, 1 naming the break. */
class AuditCommandTest {

    private static final String URL = "jdbc:h2:mem:auditcli;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AuditCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void verifiesTheConfiguredDatabaseAndNamesTheFirstBrokenSequenceNumber() throws Exception {
        String anchors = "--app.audit.anchor-dir=" + Path.of("target", "audit-cli-anchors").toAbsolutePath();
        // the server creates the schema and seals the chain; the command only reads
        new SpringApplicationBuilder(YjzfApplication.class).run("--spring.datasource.url=" + URL, anchors,
                "--server.port=0", "--app.demo-data=true").close();
        assertThat(run("verify", "--spring.datasource.url=" + URL, anchors)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("审计链完整");

        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            c.createStatement().executeUpdate("UPDATE audit_event SET detail = 'changed' WHERE seq = 1");
        }
        assertThat(run("verify", "--spring.datasource.url=" + URL, anchors)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("首个不符序号 1");

        assertThat(run("check")).isEqualTo(2);
    }
}

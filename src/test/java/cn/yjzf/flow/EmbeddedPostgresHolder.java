package cn.yjzf.flow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL 17 per test JVM, from Maven Central binaries (no server installed on the machine);
 * stopped by the JVM shutdown hook the library registers.
 */
public final class EmbeddedPostgresHolder {

    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresHolder() {
    }

    public static synchronized String jdbcUrl(String database) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("无法启动嵌入式 PostgreSQL", e);
            }
        }
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }
}

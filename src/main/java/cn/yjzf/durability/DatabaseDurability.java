package cn.yjzf.durability;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the settings that decide whether an acknowledged commit survives a crash and reports them in health:
 * on H2 {@code WRITE_DELAY} must be 0 (each commit is written to the file before it returns); on PostgreSQL
 * {@code fsync} and {@code synchronous_commit} must be on. A deployment that turned them off is DOWN and logged,
 * because a document number that left the server could otherwise be issued again after a crash.
 */
@Component("durability")
public class DatabaseDurability implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseDurability.class);

    private final JdbcTemplate jdbc;
    private volatile List<String> problems;

    DatabaseDurability(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> problems() {
        List<String> found = problems;
        if (found == null) {
            found = check();
            problems = found;
            found.forEach(p -> log.warn("数据持久性：{}", p));
        }
        return found;
    }

    private List<String> check() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("H2".equals(product)) {
            String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
            if (url.startsWith("jdbc:h2:mem:")) {
                return List.of();
            }
            String delay = jdbc.queryForObject(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", String.class);
            return "0".equals(delay) ? List.of()
                    : List.of("H2 WRITE_DELAY=" + delay + "：已确认的提交可能在进程被强制结束时丢失，应为 0");
        }
        if ("PostgreSQL".equals(product)) {
            String fsync = jdbc.queryForObject("SHOW fsync", String.class);
            String sync = jdbc.queryForObject("SHOW synchronous_commit", String.class);
            return java.util.stream.Stream.of(
                            "on".equals(fsync) ? null : "PostgreSQL fsync=" + fsync + "：断电或系统崩溃可能损坏数据库",
                            "off".equals(sync) ? "PostgreSQL synchronous_commit=" + sync
                                    + "：已确认的提交可能在崩溃时丢失" : null)
                    .filter(java.util.Objects::nonNull).toList();
        }
        return List.of();
    }

    @Override
    public Health health() {
        List<String> found = problems();
        return (found.isEmpty() ? Health.up() : Health.down()).withDetail("problems", found).build();
    }
}

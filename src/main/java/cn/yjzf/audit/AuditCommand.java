package cn.yjzf.audit;

import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code audit verify [--spring.datasource.url=… --app.audit.hmac-secret=…]}: verifies the audit chain of the
 * configured database (same configuration and environment variables as the server) without starting the web
 * server, migrating or writing anything but an anchor; prints the result and exits 0 when intact, 1 when broken, 2 on usage errors.
 */
public final class AuditCommand {

    private AuditCommand() {
    }

    /** Only what verification needs: the datasource, the key, the anchors and the archive; no web, no Flyway. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class})
    @EnableConfigurationProperties(AuditProperties.class)
    @Import({AuditKey.class, AnchorLog.class, ArchiveSegments.class, ChainVerifier.class})
    static class Verification {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.get(0).equals("verify")) {
            err.println("用法：audit verify [--spring.datasource.url=...] [--app.audit.hmac-secret=...]");
            return 2;
        }
        String[] options = args.subList(1, args.size()).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Verification.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("app.demo-data=false", "logging.level.root=WARN")
                .run(options)) {
            ChainReport report = context.getBean(ChainVerifier.class).verify();
            (report.intact() ? out : err).println(report.summary());
            return report.intact() ? 0 : 1;
        }
    }
}

package cn.yjzf.audit;

import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code audit verify [--spring.datasource.url=… --app.audit.hmac-secret=…]}: verifies the audit chain of the
 * configured database (same configuration and environment variables as the server) without starting the web
 * server; prints the result and exits 0 when intact, 1 when broken, 2 on usage errors.
 */
public final class AuditCommand {

    private AuditCommand() {
    }

    public static int run(List<String> args, Class<?> application, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.get(0).equals("verify")) {
            err.println("用法：audit verify [--spring.datasource.url=...] [--app.audit.hmac-secret=...]");
            return 2;
        }
        String[] options = args.subList(1, args.size()).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("app.demo-data=false", "spring.main.log-startup-info=false")
                .run(options)) {
            ChainReport report = context.getBean(ChainVerifier.class).verify();
            (report.intact() ? out : err).println(report.summary());
            return report.intact() ? 0 : 1;
        }
    }
}

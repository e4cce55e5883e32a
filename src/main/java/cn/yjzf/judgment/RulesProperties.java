package cn.yjzf.judgment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code app.rules.dir}: the rules directory read at start-up (default {@code rules} beside the working directory). */
@ConfigurationProperties("app.rules")
public record RulesProperties(Path dir) {

    public RulesProperties {
        dir = dir == null ? Path.of("rules") : dir;
    }
}

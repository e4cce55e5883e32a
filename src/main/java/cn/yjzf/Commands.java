package cn.yjzf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cn.yjzf.audit.AuditCommand;
import cn.yjzf.batch.JudgeCommand;
import cn.yjzf.judgment.RulesCommand;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Command-line modes of the same jar, run without starting the web application; only {@code audit verify} reads the
 * configured database.
 */
final class Commands {

    private Commands() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && List.of("judge", "rules", "audit").contains(args[0]);
    }

    static int run(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "judge" -> JudgeCommand.run(rest, System.out, System.err);
            case "rules" -> RulesCommand.run(rest, System.out, System.err);
            case "audit" -> AuditCommand.run(rest, System.out, System.err);
            default -> 2;
        };
    }
}

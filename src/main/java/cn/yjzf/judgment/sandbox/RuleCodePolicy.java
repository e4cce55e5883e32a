package cn.yjzf.judgment.sandbox;

import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleProblem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.AntPathMatcher;

/**
 * What DRL code may use, per rule family ({@code rule-allowlist.yaml}): every DRL file is checked against the family
 * its path belongs to before anything compiles it, because compiling already evaluates parts of a rule (annotation
 * values are MVEL) and running it executes its consequence with the caller's powers.
 */
public final class RuleCodePolicy {

    static final String RESOURCE = "rule-allowlist.yaml";
    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final RuleCodePolicy STANDARD = load();
    private static final RuleCodePolicy UNCHECKED = new RuleCodePolicy(List.of());

    /** One rule family: the DRL files it covers (Ant globs over the path in the rules directory) and its classes. */
    public record Family(String name, String description, List<String> dirs, List<String> packages,
                         List<String> classes) {

        public Family {
            dirs = dirs == null ? List.of() : List.copyOf(dirs);
            packages = packages == null ? List.of() : List.copyOf(packages);
            classes = classes == null ? List.of() : List.copyOf(classes);
        }

        boolean covers(String path) {
            return dirs.stream().anyMatch(glob -> PATHS.match(glob, path));
        }

        /** A class rules of this family may import, match and call: listed, or directly in a listed package. */
        boolean allows(String className) {
            int dot = className.lastIndexOf('.');
            return classes.contains(className) || (dot > 0 && packages.contains(className.substring(0, dot)));
        }
    }

    record Config(List<Family> families) {
    }

    private final List<Family> families;

    RuleCodePolicy(List<Family> families) {
        this.families = List.copyOf(families);
    }

    /** The allowlist shipped with the application. */
    public static RuleCodePolicy standard() {
        return STANDARD;
    }

    /**
     * No check at all. Only for the sandbox's own tests, which must show that the child process contains a rule that
     * the static check would have stopped; never reachable from a maintainer's input.
     */
    public static RuleCodePolicy unchecked() {
        return UNCHECKED;
    }

    public List<Family> families() {
        return families;
    }

    private static RuleCodePolicy load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = RuleCodePolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("缺少规则代码白名单 " + RESOURCE);
            }
            return new RuleCodePolicy(yaml.readValue(in, Config.class).families());
        } catch (IOException e) {
            throw new UncheckedIOException("规则代码白名单 " + RESOURCE + " 格式错误", e);
        }
    }

    /** Every problem of every DRL file of the snapshot, as {@code file:line: reason}; empty when all may compile. */
    public List<RuleProblem> check(RuleFiles files) {
        if (this == UNCHECKED) {
            return List.of();
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> f : files.files().entrySet()) {
            if (!f.getKey().endsWith(".drl")) {
                continue;
            }
            String where = files.display(f.getKey());
            Family family = families.stream().filter(fam -> fam.covers(f.getKey())).findFirst().orElse(null);
            if (family == null) {
                problems.add(new RuleProblem(where, 0, "该目录不属于任何规则族，规则代码白名单（" + RESOURCE + "）中没有它能使用的类"));
                continue;
            }
            problems.addAll(new DrlCodeCheck(where, f.getValue(), family).problems());
        }
        return problems;
    }
}

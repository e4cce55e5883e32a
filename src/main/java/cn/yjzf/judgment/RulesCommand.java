package cn.yjzf.judgment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For rule maintainers and their CI:
 * {@code rules validate [DIR] [--json]} compiles every DRL, runs every scenario and checks every rule's citation
 * metadata ({@code --sandbox}: in the child process the server uses for unreviewed rules); {@code rules test [DIR]} runs the scenarios and prints pass/fail for each. Problems are printed as
 * {@code file:line: message}; the exit code is non-zero on any problem.
 * {@code rules catalogue [DIR] [--output FILE]} prints the 隐患描述标准库 as Markdown ({@link ChecklistCatalogue}),
 * or writes it to FILE in UTF-8 whatever the console encoding ({@code docs/checklist.md} is generated this way).
 */
public final class RulesCommand {

    private RulesCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || !List.of("validate", "test", "catalogue").contains(args.get(0))) {
            return usage(err);
        }
        boolean json = args.contains("--json");
        String output = null;
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--output") || a.startsWith("--output=")) {
                if (!args.get(0).equals("catalogue")) {
                    return usage(err);
                }
                if (a.startsWith("--output=")) {
                    output = a.substring("--output=".length());
                } else if (i + 1 < args.size()) {
                    output = args.get(++i);
                }
                if (output == null || output.isBlank()) {
                    return usage(err);
                }
            } else if (!a.startsWith("--")) {
                positional.add(a);
            }
        }
        Path dir = Path.of(positional.isEmpty() ? "rules" : positional.get(0));
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": 规则目录不存在");
            return 2;
        }
        RuleFiles files = RuleFiles.fromDirectory(dir);
        if (args.get(0).equals("catalogue")) {
            return catalogue(files, output, out, err);
        }
        if (args.get(0).equals("validate") && args.contains("--sandbox")) {
            return sandboxed(files, out);
        }
        RuleValidation v = new RuleValidator().validate(files);
        if (args.get(0).equals("test")) {
            v.scenarios().forEach(s -> {
                out.println((s.passed() ? "通过  " : "失败  ") + s.file() + "  " + s.name());
                s.failures().forEach(f -> out.println("        " + f));
            });
            v.problems().stream().filter(p -> p.message().contains("编译") || p.line() > 0 && !p.message().startsWith("规则「"))
                    .forEach(p -> out.println(p));
            out.printf("场景 %d 个：通过 %d，失败 %d%n", v.scenarios().size(),
                    v.scenarios().size() - v.failedScenarios(), v.failedScenarios());
            return v.failedScenarios() == 0 && !v.scenarios().isEmpty() ? 0 : 1;
        }
        if (json) {
            out.println(json(files, v));
            return v.ok() ? 0 : 1;
        }
        v.problems().forEach(out::println);
        v.scenarios().stream().filter(s -> !s.passed()).forEach(s ->
                s.failures().forEach(f -> out.println(s.file() + ": 场景「" + s.name() + "」" + f)));
        v.coverage().forEach(c -> out.println("覆盖：" + c));
        // the other rule families of the directory (penalty, procedure): released with it, so validated with it
        boolean familiesOk = true;
        for (RuleFamily<?> family : RuleFamily.discovered()) {
            if (family.presentIn(files)) {
                FamilyValidation<?> f = family.validate(files);
                f.failures().forEach(out::println);
                f.coverage().forEach(c -> out.println("覆盖：" + c));
                familiesOk &= f.ok();
            }
        }
        boolean ok = v.ok() && familiesOk;
        out.println(ok ? "规则校验通过：" + v.scenarios().size() + " 个隐患判定场景全部通过" + (familiesOk ? "，处罚、程序规则族通过" : "")
                : "规则校验未通过：" + v.problems().size() + " 个问题，" + v.failedScenarios() + " 个场景失败"
                        + (familiesOk ? "" : "；处罚或程序规则族有错误（见上）"));
        return ok ? 0 : 1;
    }

    /** The validation exactly as the server runs it for unreviewed rules: in the sandbox child process. */
    private static int sandboxed(RuleFiles files, PrintStream out) {
        var r = new cn.yjzf.judgment.sandbox.RuleSandbox(new cn.yjzf.judgment.sandbox.SandboxProperties(null, null))
                .validate(files);
        r.problems().forEach(out::println);
        r.scenarios().stream().filter(s -> !s.passed()).forEach(s ->
                s.failures().forEach(f -> out.println(s.file() + ": 场景「" + s.name() + "」" + f)));
        r.coverage().forEach(c -> out.println("覆盖：" + c));
        out.println(r.ok() ? "规则校验通过（沙箱进程）：" + r.scenarios().size() + " 个场景全部通过"
                : "规则校验未通过（沙箱进程）：" + r.problems().size() + " 个问题，" + r.failedScenarios() + " 个场景失败");
        return r.ok() ? 0 : 1;
    }

    private static int usage(PrintStream err) {
        err.println("用法：java -jar yjzf.jar rules validate [规则目录] [--json | --sandbox]");
        err.println("      java -jar yjzf.jar rules test [规则目录]");
        err.println("      java -jar yjzf.jar rules catalogue [规则目录] [--output 文件]");
        return 2;
    }

    private static int catalogue(RuleFiles files, String output, PrintStream out, PrintStream err) throws Exception {
        String markdown;
        try {
            markdown = ChecklistCatalogue.render(files);
        } catch (RuleCompilationException e) {
            e.problems().forEach(err::println);
            return 1;
        }
        if (output == null) {
            out.print(markdown);
            out.flush();
        } else {
            Path target = Path.of(output);
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            Files.writeString(target, markdown, StandardCharsets.UTF_8);
            err.println("已生成 " + output);
        }
        return 0;
    }

    private static String json(RuleFiles files, RuleValidation v) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", v.ok());
        doc.put("problems", v.problems());
        doc.put("failedScenarios", v.scenarios().stream().filter(s -> !s.passed())
                .map(s -> Map.of("file", s.file(), "name", s.name(), "failures", s.failures())).toList());
        doc.put("coverage", v.coverage());
        try {
            RuleBase base = new RuleBaseLoader().load(files);
            doc.put("rules", base.ruleSets().stream().flatMap(set -> set.rules().stream().map(r -> Map.of(
                    "ruleSet", set.manifest().id(), "name", r.name(), "file", r.file(), "line", r.line(),
                    "citation", r.citation()))).toList());
        } catch (RuleCompilationException e) {
            doc.put("rules", List.of());
        }
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }
}

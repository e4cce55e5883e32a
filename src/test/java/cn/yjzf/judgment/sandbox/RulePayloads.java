package cn.yjzf.judgment.sandbox;

import cn.yjzf.judgment.RuleFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Hostile rule files for the sandbox tests: the fictitious example-new rule of src/test/resources/rules-lifecycle
 * with a consequence that writes a file, starts a process, opens a socket or uses reflection, or a loop. Each leaves
 * a trace (a file, a connection) that the tests look for.
 */
public final class RulePayloads {

    public static final Path FIXTURE = Path.of("src/test/resources/rules-lifecycle");
    public static final String RULE_FILE = "example-new/rules.drl";

    private RulePayloads() {
    }

    /** Consequences (Java) by name; {@code MARKER} is replaced by an absolute file path, {@code PORT} by a port. */
    public static Map<String, String> consequences() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("文件写入", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"MARKER\"), \"pwned\");");
        p.put("启动进程", "new ProcessBuilder(\"touch\", \"MARKER\").start().waitFor();");
        p.put("网络连接", "new java.net.Socket(\"127.0.0.1\", PORT).close();");
        p.put("反射", "Class.forName(\"java.lang.Runtime\").getMethod(\"exec\", String[].class)"
                + ".invoke(Runtime.getRuntime(), (Object) new String[] {\"touch\", \"MARKER\"});");
        p.put("无限循环", "while (System.nanoTime() != 0) { }");
        return p;
    }

    /** The example-new rule with {@code consequence} run before its usual insert. */
    public static String ruleWith(String consequence, Path marker, int port) {
        return """
                package rules.examplenew;

                import cn.yjzf.judgment.Answer;
                import cn.yjzf.judgment.HazardMatch;

                rule "EXAMPLE-NEW-01"
                    @standard("测试用虚构标准（新）")
                    @documentNumber("测试〔2023〕1号")
                    @article("第一条")
                    @item("（一）")
                    @title("未设置测试装置")
                    @verification("✅")
                    @source("测试夹具，虚构")
                when
                    Answer( code == "EX-01-DEVICE", value == "否" )
                then
                    %s
                    insert(HazardMatch.major(kcontext));
                end
                """.formatted(consequence.replace("MARKER", marker.toAbsolutePath().toString().replace("\\", "/"))
                .replace("PORT", String.valueOf(port)));
    }

    /**
     * A rule that passes the static check and still never ends: a backtracking regular expression (Drools' {@code
     * matches}, with a back-reference so that Java's regex memoisation does not apply) over an answer of forty-six ones. Only the sandbox's time limit stops it.
     */
    public static String catastrophicRegexRule() {
        return """
                package rules.examplenew;

                import cn.yjzf.judgment.Answer;
                import cn.yjzf.judgment.HazardMatch;

                rule "EXAMPLE-NEW-01"
                    @standard("测试用虚构标准（新）")
                    @documentNumber("测试〔2023〕1号")
                    @article("第一条")
                    @item("（一）")
                    @title("未设置测试装置")
                    @verification("✅")
                    @source("测试夹具，虚构")
                when
                    Answer( code == "EX-01-DEVICE", value matches "((1+)\\\\2?)+2" )
                then
                    insert(HazardMatch.major(kcontext));
                end
                """;
    }

    /** The fixture's checklist, with the forty-six ones as an allowed option so that the scenario passes validation. */
    public static final String LOOPING_CHECKLIST = """
            groups:
              - code: EX-01
                article: 第一条
                item: （一）
                title: 测试装置
                industries: []
                flags: []
                questions:
                  - code: EX-01-DEVICE
                    text: 测试装置的编号
                    type: CHOICE
                    options: ["1111111111111111111111111111111111111111111111", 是]
                    deficientOptions: ["1111111111111111111111111111111111111111111111"]
            """;

    public static final String LOOPING_SCENARIO = """
            scenarios:
              - name: 回溯
                enterprise: { industry: 机械 }
                answers: { EX-01-DEVICE: "1111111111111111111111111111111111111111111111" }
                expect: { grade: 重大事故隐患, fired: [EXAMPLE-NEW-01] }
              - name: 临界
                enterprise: { industry: 机械 }
                answers: { EX-01-DEVICE: 是 }
                expect: { grade: 未匹配, notFired: [EXAMPLE-NEW-01] }
            """;

    /** The fixture with some files replaced. */
    public static RuleFiles fixtureWith(Map<String, String> replaced) {
        SortedMap<String, String> files = new TreeMap<>(RuleFiles.fromDirectory(FIXTURE).files());
        files.putAll(replaced);
        return new RuleFiles("rules", files);
    }
}

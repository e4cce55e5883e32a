package cn.yjzf.judgment.sandbox;

import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Validates rule files that nobody has reviewed yet (a submitted release, the rules directory on disk) in a separate
 * JVM ({@link SandboxMain}) with its own scratch directory, a heap limit, an empty environment, a security manager
 * that forbids sockets, process execution and writes outside the scratch directory, and a wall-clock limit after
 * which it is killed. The answer comes back as JSON on its stdout. Works from the class path (tests, IDE,
 * {@code spring-boot:run}) and from the packaged Spring Boot jar (through {@code PropertiesLauncher}).
 */
@Component
public class RuleSandbox {

    private static final Logger log = LoggerFactory.getLogger(RuleSandbox.class);
    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final SandboxProperties properties;

    public RuleSandbox(SandboxProperties properties) {
        this.properties = properties;
    }

    /** Statically checks, compiles and scenario-tests the files in a child process. Never throws for bad rules. */
    public SandboxResult validate(RuleFiles files) {
        return run(files, true, null);
    }

    /**
     * Judges findings with rules nobody has approved yet (the impact preview a reviewer asks for), in the child.
     * The result's {@code judgments} follow the order of {@code findings}; on failure it holds the problem instead.
     */
    public SandboxResult judge(RuleFiles files, List<cn.yjzf.judgment.FindingFacts> findings) {
        return run(files, true, findings.stream().map(SandboxFacts::of).toList());
    }

    /** {@code checkCode = false} only for the sandbox's own tests: shows what the child contains on its own. */
    SandboxResult run(RuleFiles files, boolean checkCode) {
        return run(files, checkCode, null);
    }

    private SandboxResult run(RuleFiles files, boolean checkCode, List<SandboxFacts> judge) {
        String nonce = UUID.randomUUID().toString();
        Path scratch = null;
        Process child = null;
        try {
            scratch = Files.createTempDirectory("rule-sandbox-").toRealPath();
            ProcessBuilder pb = new ProcessBuilder(command(scratch)).directory(scratch.toFile());
            pb.environment().clear();
            pb.environment().put("LANG", "C.UTF-8");
            child = pb.start();
            Process started = child;
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread out = drain(child.getInputStream(), answer, MAX_ANSWER_BYTES);
            Thread err = drain(child.getErrorStream(), errors, 64 * 1024);
            try (OutputStream in = started.getOutputStream()) {
                JSON.writeValue(in, new SandboxRequest(nonce, checkCode, files.origin(), new TreeMap<>(files.files()), judge,
                        properties.timeout().toMillis()));
            } catch (IOException e) {
                // the child died before reading: reported below from its exit code
            }
            if (!child.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(child);
                log.warn("规则校验进程超时（{}），已终止：{}", properties.timeout(), ruleSets(files));
                return SandboxResult.failed(null, new RuleProblem(files.origin(), 0, "场景运行超时：规则集 " + ruleSets(files)
                        + " 的编译和场景运行超过 " + properties.timeout().toSeconds() + " 秒未完成，校验进程已终止"
                        + "（规则可能含有死循环或回溯极慢的正则表达式）"));
            }
            out.join(5000);
            err.join(5000);
            SandboxResult result = parse(answer.toByteArray());
            if (child.exitValue() != 0 || result == null || !nonce.equals(result.nonce())) {
                String tail = tail(errors.toString(StandardCharsets.UTF_8));
                log.warn("规则校验进程异常退出（退出码 {}）：{}", child.exitValue(), tail);
                return SandboxResult.failed(null, new RuleProblem(files.origin(), 0, "规则校验进程异常退出（退出码 "
                        + child.exitValue() + "，可能超出内存限制 " + properties.maxHeap() + "）：" + tail));
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("无法启动规则校验进程", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (child != null) {
                kill(child);
            }
            return SandboxResult.failed(null, new RuleProblem(files.origin(), 0, "规则校验被中断"));
        } finally {
            if (scratch != null) {
                FileSystemUtils.deleteRecursively(scratch.toFile());
            }
        }
    }

    /** The java command: this JVM's executable, the limits, and the class path or the Boot jar's launcher. */
    List<String> command(Path scratch) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + properties.maxHeap());
        cmd.add("-Xss1m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Djava.security.manager=allow");
        cmd.add("-Djava.io.tmpdir=" + scratch);
        cmd.add("-Duser.home=" + scratch);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(classPath());
        if (bootJar() != null) {
            cmd.add("-Dloader.main=" + SandboxMain.class.getName());
            cmd.add(BOOT_LAUNCHER);
        } else {
            cmd.add(SandboxMain.class.getName());
        }
        return cmd;
    }

    /** The packaged jar when this application runs from one ({@code java -jar yjzf.jar}), else null. */
    static Path bootJar() {
        String cp = System.getProperty("java.class.path");
        boolean nested = SandboxMain.class.getClassLoader().getClass().getName().startsWith("org.springframework.boot.loader");
        return nested && cp.endsWith(".jar") && !cp.contains(File.pathSeparator) ? Path.of(cp).toAbsolutePath() : null;
    }

    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream into, int limit) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    synchronized (into) {
                        if (into.size() + n <= limit) {
                            into.write(buf, 0, n);
                        }
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        }, "rule-sandbox-io");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void kill(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SandboxResult parse(byte[] answer) {
        try {
            return answer.length == 0 ? null : JSON.readValue(answer, SandboxResult.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The end of the child's stderr without stack frames, log lines and the JDK's security-manager warnings. */
    private static String tail(String stderr) {
        String s = stderr.lines()
                .filter(l -> !l.startsWith("\tat ") && !l.startsWith("WARNING: ") && !l.matches("\\d\\d:\\d\\d:.*"))
                .collect(Collectors.joining("\n")).strip();
        return s.length() > 1500 ? "…" + s.substring(s.length() - 1500) : s;
    }

    /** The ids of the rule sets in the files (from each ruleset.yaml; the folder name if it cannot be read). */
    static String ruleSets(RuleFiles files) {
        List<String> ids = new ArrayList<>();
        files.files().forEach((path, text) -> {
            if (path.equals("ruleset.yaml") || path.endsWith("/ruleset.yaml")) {
                String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : path;
                try {
                    JsonNode id = YAML.readTree(text).path("id");
                    ids.add(id.isTextual() ? id.asText() : dir);
                } catch (IOException | RuntimeException e) {
                    ids.add(dir);
                }
            }
        });
        return ids.isEmpty() ? files.origin() : String.join("、", ids);
    }
}

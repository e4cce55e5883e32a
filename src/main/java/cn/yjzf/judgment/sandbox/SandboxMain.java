package cn.yjzf.judgment.sandbox;

import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleCompilationException;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleProblem;
import cn.yjzf.judgment.RuleValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.File;
import java.io.FilePermission;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.ReflectPermission;
import java.net.NetPermission;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.Permission;
import java.security.PermissionCollection;
import java.security.Permissions;
import java.security.Policy;
import java.security.ProtectionDomain;
import java.security.SecurityPermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PropertyPermission;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.LoggingPermission;

/**
 * The sandbox child: reads a {@link SandboxRequest} (JSON) on stdin, validates the rules under a security manager
 * and writes a {@link SandboxResult} (JSON) on stdout. Before anything of the rules is touched it installs a policy
 * that lets the process read only the JDK and its own class path and write only its scratch directory (its working
 * directory): no sockets, no process execution, no security-manager or I/O redirection changes. Java 17 still
 * enforces a security manager when started with {@code -Djava.security.manager=allow}; it is deprecated for removal
 * (JEP 411), so the child is also a separate, memory-limited process that the parent kills on a time limit.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) throws Exception {
        PrintStream result = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        System.setOut(System.err); // anything else (a rule's println, logging) goes to stderr, never into the answer
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        SandboxRequest request = json.readValue(System.in, SandboxRequest.class);
        stopWithoutParent(request.timeoutMillis());
        Path scratch = Path.of("").toAbsolutePath();
        RuleValidator validator = new RuleValidator(new RuleBaseLoader(
                request.checkCode() ? RuleCodePolicy.standard() : RuleCodePolicy.unchecked()));
        RuleFiles files = new RuleFiles(request.origin(), Collections.unmodifiableSortedMap(request.files()));
        json.writeValueAsString(SandboxResult.failed(null, new RuleProblem("", 0, ""))); // load the writer's classes now

        Policy.setPolicy(new ChildPolicy(permissions(scratch)));
        System.setSecurityManager(new SecurityManager());

        SandboxResult outcome;
        try {
            outcome = request.judge() == null ? SandboxResult.of(request.nonce(), validator.validate(files))
                    : judge(request, files);
        } catch (RuleCompilationException e) {
            outcome = new SandboxResult(request.nonce(), e.problems(), List.of(), List.of(), List.of(), List.of());
        } catch (RuntimeException | StackOverflowError e) {
            // A consequence that throws (e.g. stopped by the security manager) ends the validation: report it.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            outcome = SandboxResult.failed(request.nonce(), new RuleProblem(files.origin(), 0, "规则运行时出错：" + e.getMessage()
                    + (root != e ? "（" + root + "）" : "")));
        }
        byte[] answer = json.writeValueAsBytes(outcome);
        write(result, answer);
        Runtime.getRuntime().halt(0); // Drools may leave non-daemon threads behind
    }

    /** Judges the given findings with the rules (the impact preview of a release under review). */
    private static SandboxResult judge(SandboxRequest request, RuleFiles files) {
        RuleBase base = new RuleBaseLoader(request.checkCode() ? RuleCodePolicy.standard() : RuleCodePolicy.unchecked())
                .load(files);
        return SandboxResult.judged(request.nonce(),
                RuleEngine.judgeAll(base, request.judge().stream().map(SandboxFacts::toFacts).toList()));
    }

    /**
     * The parent kills the child at its time limit; should the parent itself die first (kill -9), the child still
     * ends: when the parent process exits, and in any case shortly after the time limit.
     */
    private static void stopWithoutParent(long timeoutMillis) {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Math.max(timeoutMillis, 1000) + 10_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(4);
        }, "sandbox-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Everything the validation needs and nothing more, for every piece of code in the process. */
    static Permissions permissions(Path scratch) throws IOException {
        Permissions p = new Permissions();
        for (String readable : readablePaths()) {
            p.add(new FilePermission(readable, "read"));
            p.add(new FilePermission(readable + File.separator + "-", "read"));
        }
        p.add(new FilePermission(scratch.toString(), "read,write,delete"));
        p.add(new FilePermission(scratch + File.separator + "-", "read,write,delete"));
        p.add(new FilePermission("-", "read,write,delete")); // relative paths: the working directory is the scratch directory
        p.add(new FilePermission("/dev/random", "read"));
        p.add(new FilePermission("/dev/urandom", "read"));
        p.add(new PropertyPermission("*", "read,write"));
        for (String name : List.of("createClassLoader", "getClassLoader", "setContextClassLoader", "accessDeclaredMembers",
                "getProtectionDomain", "accessClassInPackage.*", "defineClassInPackage.*", "getStackTrace", "modifyThread",
                "modifyThreadGroup", "shutdownHooks", "exitVM.*", "getenv.*", "localeServiceProvider", "charsetProvider",
                "reflectionFactoryAccess", "accessSystemModules", "getFileSystemAttributes")) {
            p.add(new RuntimePermission(name));
        }
        p.add(new ReflectPermission("suppressAccessChecks"));
        p.add(new ReflectPermission("newProxyInPackage.*"));
        p.add(new NetPermission("specifyStreamHandler")); // Spring Boot's nested-jar URLs; no SocketPermission at all
        p.add(new LoggingPermission("control", null));
        p.add(new SecurityPermission("getProperty.*"));
        p.add(new java.lang.management.ManagementPermission("monitor"));
        p.setReadOnly();
        return p;
    }

    /** The JDK, the class path (expanding a manifest-only jar such as Surefire's) and the temporary directory. */
    private static List<String> readablePaths() throws IOException {
        List<String> paths = new ArrayList<>();
        paths.add(Path.of(System.getProperty("java.home")).toRealPath().toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath();
            paths.add(p.toString());
            if (entry.endsWith(".jar") && p.toFile().isFile()) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    Manifest m = jar.getManifest();
                    String classPath = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                    if (classPath != null) {
                        for (String url : classPath.trim().split("\\s+")) {
                            try {
                                paths.add(Path.of(p.getParent().toUri().resolve(url)).toString());
                            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                                // not a file URL: nothing to grant
                            }
                        }
                    }
                }
            }
        }
        return paths;
    }

    /** The same permissions for every protection domain, including classes Drools generates from the rules. */
    @SuppressWarnings("removal")
    private static final class ChildPolicy extends Policy {
        private final Permissions granted;

        ChildPolicy(Permissions granted) {
            this.granted = granted;
        }

        @Override
        public PermissionCollection getPermissions(CodeSource codesource) {
            return granted;
        }

        @Override
        public PermissionCollection getPermissions(ProtectionDomain domain) {
            return granted;
        }

        @Override
        public boolean implies(ProtectionDomain domain, Permission permission) {
            return granted.implies(permission);
        }
    }
}

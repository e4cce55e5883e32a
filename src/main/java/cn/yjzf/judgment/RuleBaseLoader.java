package cn.yjzf.judgment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import cn.yjzf.judgment.sandbox.RuleCodePolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.io.ResourceFactory;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.io.DescrResource;

/**
 * Compiles a rules directory into a {@link RuleBase}.
 * Layout: every folder holding a {@code ruleset.yaml} is a rule set (its DRL, {@code checklist*.yaml} and
 * {@code scenarios/}); DRL under {@code common/} is compiled into every rule set (e.g. the 一般事故隐患 fallback).
 * Each rule set gets its own KieBase built from a fresh ReleaseId that is removed from the KIE repository
 * straight away, so repeated loads do not accumulate modules.
 */
public final class RuleBaseLoader {

    public static final String MANIFEST = "ruleset.yaml";
    public static final String COMMON = "common/";

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final AtomicLong BUILDS = new AtomicLong();

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RuleCodePolicy policy;

    /** Checks every DRL file against the shipped allowlist before compiling anything. */
    public RuleBaseLoader() {
        this(RuleCodePolicy.standard());
    }

    public RuleBaseLoader(RuleCodePolicy policy) {
        this.policy = policy;
    }

    public RuleBase load(RuleFiles files) {
        // DRL is code: nothing of a file is compiled (compiling evaluates annotation values) before it passes the allowlist.
        List<RuleProblem> refused = policy.check(files);
        if (!refused.isEmpty()) {
            throw new RuleCompilationException(refused);
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<CompiledRuleSet> sets = new ArrayList<>();
        Map<String, String> common = drlUnder(files, COMMON);
        for (String manifestPath : files.files().keySet()) {
            if (!manifestPath.endsWith("/" + MANIFEST)) {
                continue;
            }
            String dir = manifestPath.substring(0, manifestPath.length() - MANIFEST.length());
            try {
                sets.add(compileSet(files, dir, common));
            } catch (RuleCompilationException e) {
                problems.addAll(e.problems());
            }
        }
        if (sets.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem(files.origin(), 0, "没有找到任何规则集（含 ruleset.yaml 的目录）"));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return new RuleBase(List.copyOf(sets), files, Instant.now());
    }

    private CompiledRuleSet compileSet(RuleFiles files, String dir, Map<String, String> common) {
        RuleSetManifest manifest = readYaml(files, dir + MANIFEST, RuleSetManifest.class);
        Checklist checklist = readChecklist(files, dir);
        List<RuleProblem> problems = new ArrayList<>(checkManifest(files.display(dir + MANIFEST), manifest));
        Map<String, String> drl = new LinkedHashMap<>(drlUnder(files, dir));
        drl.keySet().removeIf(p -> p.startsWith(dir + "scenarios/"));
        if (drl.isEmpty()) {
            problems.add(new RuleProblem(files.display(dir), 0, "规则集中没有 .drl 文件"));
        }
        drl.putAll(common);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        KieBase kieBase = buildScoped(files, drl);
        return new CompiledRuleSet(dir, manifest, checklist, describe(files, kieBase, drl), kieBase,
                kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()), hash(files, dir, drl.keySet()));
    }

    /**
     * {@code checklist.yaml} and any {@code checklist-*.yaml} of the set, merged in the order of the group codes;
     * question codes must be unique.
     */
    private static Checklist readChecklist(RuleFiles files, String dir) {
        List<ChecklistGroup> groups = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (String path : checklistPaths(files, dir)) {
            for (ChecklistGroup g : readYaml(files, path, Checklist.class).groups()) {
                groups.add(g);
                if (!codes.add(g.code())) {
                    problems.add(new RuleProblem(files.display(path), 0, "检查项组编码重复：" + g.code()));
                }
                for (ChecklistQuestion q : g.questions()) {
                    if (!codes.add(q.code())) {
                        problems.add(new RuleProblem(files.display(path), 0, "检查项编码重复：" + q.code()));
                    }
                    if (q.type() == null || q.text() == null) {
                        problems.add(new RuleProblem(files.display(path), 0, "检查项 " + q.code() + " 缺少 type 或 text"));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        groups.sort(java.util.Comparator.comparing(ChecklistGroup::code)); // codes are zero-padded: article order
        return new Checklist(groups);
    }

    private static List<String> checklistPaths(RuleFiles files, String dir) {
        return files.files().keySet().stream()
                .filter(p -> p.startsWith(dir) && p.indexOf('/', dir.length()) < 0)
                .filter(p -> p.substring(dir.length()).matches("checklist(-[\\w-]+)?\\.ya?ml"))
                .toList();
    }

    private static List<RuleProblem> checkManifest(String where, RuleSetManifest m) {
        List<RuleProblem> problems = new ArrayList<>();
        if (m.id() == null || !m.id().matches("[a-z0-9-]+")) {
            problems.add(new RuleProblem(where, 0, "id 必填，只能包含小写字母、数字和连字符"));
        }
        if (m.version() == null || m.version().isBlank()) {
            problems.add(new RuleProblem(where, 0, "version 必填"));
        }
        if (m.effectiveFrom() == null) {
            problems.add(new RuleProblem(where, 0, "effectiveFrom（施行日期）必填"));
        } else if (m.effectiveTo() != null && m.effectiveTo().isBefore(m.effectiveFrom())) {
            problems.add(new RuleProblem(where, 0, "effectiveTo 早于 effectiveFrom"));
        }
        if (m.sectors() == null || m.sectors().isEmpty()) {
            problems.add(new RuleProblem(where, 0, "sectors（适用行业领域）必填"));
        }
        if (m.standard() == null || m.documentNumber() == null || m.source() == null) {
            problems.add(new RuleProblem(where, 0, "standard、documentNumber、source 必填"));
        }
        return problems;
    }

    /**
     * Compiles DRL texts (keyed by path in {@code files}) into one KieBase; errors come back as {@code 文件:行号}. For the
     * other rule families (penalty, procedure): their files pass the same allowlist first, since nothing of a DRL file
     * may compile before it does.
     */
    public KieBase compile(RuleFiles files, String setId, Map<String, String> drl) {
        List<RuleProblem> refused = policy.check(new RuleFiles(files.origin(), new java.util.TreeMap<>(drl)));
        if (!refused.isEmpty()) {
            throw new RuleCompilationException(refused);
        }
        return build(files, setId, drl);
    }

    /** Compiles DRL that has already passed the allowlist. */
    private KieBase build(RuleFiles files, String setId, Map<String, String> drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("cn.yjzf.rules", setId, "build-" + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> kiePathToFile = new HashMap<>();
        drl.forEach((rel, text) -> {
            Matcher m = PACKAGE.matcher(text);
            String pkgPath = m.find() ? m.group(1).replace('.', '/') + "/" : "";
            String resourcePath = pkgPath + rel.replace('/', '_');
            String kiePath = "src/main/resources/" + resourcePath;
            kiePathToFile.put(kiePath, files.display(rel));
            kiePathToFile.put(resourcePath, files.display(rel));
            kfs.write(kiePath, text);
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        try {
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                List<RuleProblem> problems = errors.stream()
                        .map(e -> new RuleProblem(kiePathToFile.getOrDefault(e.getPath(), String.valueOf(e.getPath())),
                                e.getLine(), e.getText().strip()))
                        .toList();
                // Drools adds a line-less "Parser returned a null Package" after each real syntax error: drop it.
                List<RuleProblem> located = problems.stream().filter(p -> p.line() > 0).toList();
                throw new RuleCompilationException(located.isEmpty() ? problems : located);
            }
            return ks.newKieContainer(releaseId).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * Compiles a hazard rule set from its parsed rules, rewritten by {@link FindingScope} so that many findings can be
     * judged in one session. The descriptors keep the author's file and line, so errors are still reported there.
     */
    private static KieBase buildScoped(RuleFiles files, Map<String, String> drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        List<RuleProblem> problems = new ArrayList<>();
        drl.forEach((rel, text) -> {
            String shown = files.display(rel);
            Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(shown);
            resource.setResourceType(ResourceType.DRL);
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr pkg;
            try {
                pkg = parser.parse(resource, text);
            } catch (DroolsParserException e) {
                problems.add(new RuleProblem(shown, 0, e.getMessage()));
                return;
            }
            if (parser.hasErrors() || pkg == null) {
                parser.getErrors().forEach(e -> problems.add(new RuleProblem(shown, firstLine(e.getLines()), e.getMessage())));
                if (parser.getErrors().isEmpty()) {
                    problems.add(new RuleProblem(shown, 0, "无法解析"));
                }
                return;
            }
            FindingScope.apply(pkg);
            DescrResource descr = new DescrResource(pkg);
            descr.setSourcePath(shown);
            batch.add(descr, ResourceType.DESCR);
        });
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        batch.build();
        if (builder.hasErrors()) {
            List<RuleProblem> errors = new ArrayList<>();
            for (KnowledgeBuilderError e : builder.getErrors()) {
                String where = e.getResource() != null && e.getResource().getSourcePath() != null
                        ? e.getResource().getSourcePath() : "（未知文件）";
                RuleProblem p = new RuleProblem(where, firstLine(e.getLines()), e.getMessage().strip());
                if (!errors.contains(p)) { // a split `code in` pattern repeats its errors once per code
                    errors.add(p);
                }
            }
            List<RuleProblem> located = errors.stream().filter(p -> p.line() > 0).toList();
            throw new RuleCompilationException(located.isEmpty() ? errors : located);
        }
        return builder.newKieBase();
    }

    private static int firstLine(int[] lines) {
        return lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
    }

    public static List<RuleDescriptor> describe(RuleFiles files, KieBase kieBase, Map<String, String> drl) {
        Map<String, int[]> lines = new HashMap<>();
        Map<String, String> fileOf = new HashMap<>();
        drl.forEach((rel, text) -> {
            String[] ls = text.split("\n", -1);
            for (int i = 0; i < ls.length; i++) {
                Matcher m = RULE.matcher(ls[i]);
                if (m.find()) {
                    lines.put(m.group(1), new int[] {i + 1});
                    fileOf.put(m.group(1), files.display(rel));
                }
            }
        });
        List<RuleDescriptor> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                rules.add(new RuleDescriptor(r.getName(), fileOf.getOrDefault(r.getName(), pkg.getName()),
                        lines.getOrDefault(r.getName(), new int[] {0})[0], Map.copyOf(r.getMetaData())));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleDescriptor::name));
        return List.copyOf(rules);
    }

    private static Map<String, String> drlUnder(RuleFiles files, String prefix) {
        Map<String, String> drl = new LinkedHashMap<>();
        files.under(prefix).forEach((k, v) -> {
            if (k.endsWith(".drl")) {
                drl.put(k, v);
            }
        });
        return drl;
    }

    /** SHA-256 over everything that can change a judgment: manifest, checklist and DRL (not scenarios). */
    private static String hash(RuleFiles files, String dir, Iterable<String> drlPaths) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<String> paths = new ArrayList<>();
            paths.add(dir + MANIFEST);
            paths.addAll(checklistPaths(files, dir));
            drlPaths.forEach(paths::add);
            paths.stream().sorted().forEach(p -> {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(files.files().get(p).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T readYaml(RuleFiles files, String path, Class<T> type) {
        try {
            return YAML.readValue(files.files().get(path), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RuleCompilationException(List.of(new RuleProblem(files.display(path), line,
                    "YAML 格式错误：" + e.getOriginalMessage())));
        }
    }
}

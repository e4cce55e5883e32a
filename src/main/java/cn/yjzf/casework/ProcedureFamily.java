package cn.yjzf.casework;

import cn.yjzf.casework.facts.CaseFacts;
import cn.yjzf.judgment.FamilyValidation;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleCompilationException;
import cn.yjzf.judgment.RuleDescriptor;
import cn.yjzf.judgment.RuleFamily;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleProblem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;

/**
 * The procedure rule family ({@code rules/procedure/}) as released with the other rules: compiled with the judgment
 * package's compiler (allowlist first, errors as {@code 文件:行号}) and gated by its scenarios — every scenario passes,
 * every rule is cited ({@code @step @requirement @citation}) and has a scenario that fires it and a near miss that
 * must not. Found by the sandbox child through {@code META-INF/services}.
 */
public final class ProcedureFamily implements RuleFamily<KieBase> {

    public static final String ROOT = "procedure/";
    static final List<String> REQUIRED = List.of("step", "requirement", "citation");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A scenario as written in {@code procedure/scenarios/*.yaml}: {@code facts} are {@link CaseFacts} fields. */
    public record Scenario(String name, Map<String, Object> facts, Expect expect) {
    }

    public record Expect(List<String> fired, List<String> notFired) {
        List<String> firedOrEmpty() { return fired == null ? List.of() : fired; }
        List<String> notFiredOrEmpty() { return notFired == null ? List.of() : notFired; }
    }

    public record ScenarioFile(List<Scenario> scenarios) {
    }

    @Override
    public String id() {
        return "procedure";
    }

    @Override
    public String title() {
        return "办案程序规则";
    }

    @Override
    public String root() {
        return ROOT;
    }

    @Override
    public KieBase compile(RuleFiles files) {
        return new RuleBaseLoader().compile(files, "procedure", drl(files));
    }

    private static Map<String, String> drl(RuleFiles files) {
        Map<String, String> drl = new LinkedHashMap<>();
        files.under(ROOT).forEach((path, text) -> {
            if (path.endsWith(".drl") && !path.startsWith(ROOT + "scenarios/")) {
                drl.put(path, text);
            }
        });
        return drl;
    }

    @Override
    public FamilyValidation<KieBase> validate(RuleFiles files) {
        KieBase kieBase;
        try {
            kieBase = compile(files);
        } catch (RuleCompilationException e) {
            return FamilyValidation.notCompiled(id(), e.problems());
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<FamilyValidation.Scenario> results = new ArrayList<>();
        Set<String> fires = new HashSet<>();
        Set<String> nearMiss = new HashSet<>();
        for (Map.Entry<String, String> f : files.under(ROOT + "scenarios/").entrySet()) {
            if (!f.getKey().endsWith(".yaml") && !f.getKey().endsWith(".yml")) {
                continue;
            }
            ScenarioFile file;
            try {
                file = RuleBaseLoader.readYaml(files, f.getKey(), ScenarioFile.class);
            } catch (RuleCompilationException e) {
                problems.addAll(e.problems());
                continue;
            }
            for (Scenario s : file.scenarios()) {
                results.add(run(kieBase, files.display(f.getKey()), s));
                if (s.expect() != null) {
                    fires.addAll(s.expect().firedOrEmpty());
                    nearMiss.addAll(s.expect().notFiredOrEmpty());
                }
            }
        }
        List<RuleDescriptor> rules = RuleBaseLoader.describe(files, kieBase, drl(files));
        for (RuleDescriptor rule : rules) {
            for (String key : REQUIRED) {
                Object v = rule.metadata().get(key);
                if (v == null || v.toString().isBlank()) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」缺少引用元数据 @" + key));
                }
            }
            if (!fires.contains(rule.name())) {
                problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」没有使其触发的场景（expect.fired）"));
            }
            if (!nearMiss.contains(rule.name())) {
                problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」没有不应触发的临界场景（expect.notFired）"));
            }
        }
        List<String> coverage = List.of(title() + "：" + rules.size() + " 条规则，" + results.size() + " 个场景");
        return new FamilyValidation<>(id(), List.copyOf(problems), List.copyOf(results), coverage, kieBase);
    }

    /** Runs one scenario: every rule in {@code fired} fires, none in {@code notFired} does; {@code fired: []} means none. */
    static FamilyValidation.Scenario run(KieBase kieBase, String file, Scenario s) {
        if (s.expect() == null) {
            return new FamilyValidation.Scenario(file, s.name(), List.of("缺少 expect"));
        }
        List<String> fired;
        try {
            fired = ProcedureRules.evaluate(kieBase, YAML.convertValue(s.facts() == null ? Map.of() : s.facts(),
                    CaseFacts.class)).fired();
        } catch (IllegalArgumentException e) {
            return new FamilyValidation.Scenario(file, s.name(), List.of("facts 无法读取：" + e.getMessage()));
        } catch (RuntimeException e) {
            return new FamilyValidation.Scenario(file, s.name(), List.of("运行出错：" + e.getMessage()));
        }
        List<String> failures = new ArrayList<>();
        s.expect().firedOrEmpty().stream().filter(r -> !fired.contains(r))
                .forEach(r -> failures.add("规则 " + r + " 应触发而未触发（触发的：" + fired + "）"));
        s.expect().notFiredOrEmpty().stream().filter(fired::contains).forEach(r -> failures.add("规则 " + r + " 不应触发"));
        if (s.expect().fired() != null && s.expect().fired().isEmpty() && !fired.isEmpty()) {
            failures.add("不应触发任何规则，实际触发 " + fired);
        }
        return new FamilyValidation.Scenario(file, s.name(), List.copyOf(failures));
    }
}

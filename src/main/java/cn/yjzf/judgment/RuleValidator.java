package cn.yjzf.judgment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a rules directory, runs every scenario beside it and checks that every rule carries its citation and is
 * exercised by a scenario that fires it and a near-miss that must not. Used by the build gate and by maintainers.
 */
public final class RuleValidator {

    public RuleValidation validate(RuleFiles files) {
        RuleBase base;
        try {
            base = new RuleBaseLoader().load(files);
        } catch (RuleCompilationException e) {
            return new RuleValidation(List.of(), e.problems(), List.of());
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<ScenarioResult> results = new ArrayList<>();
        List<RuleValidation.Coverage> coverage = new ArrayList<>();
        for (CompiledRuleSet set : base.ruleSets()) {
            String dir = set.dir();
            Set<String> firedSomewhere = new HashSet<>();
            Set<String> heldBackSomewhere = new HashSet<>();
            for (Map.Entry<String, String> f : files.under(dir + "scenarios/").entrySet()) {
                if (!f.getKey().endsWith(".yaml") && !f.getKey().endsWith(".yml")) {
                    continue;
                }
                Scenario.File file;
                try {
                    file = RuleBaseLoader.readYaml(files, f.getKey(), Scenario.File.class);
                } catch (RuleCompilationException e) {
                    problems.addAll(e.problems());
                    continue;
                }
                for (Scenario s : file.scenarios()) {
                    ScenarioResult r = run(base, set, files.display(f.getKey()), s);
                    results.add(r);
                    if (s.expect() != null) {
                        if (s.expect().fired() != null) {
                            firedSomewhere.addAll(s.expect().fired());
                        }
                        if (s.expect().notFired() != null) {
                            heldBackSomewhere.addAll(s.expect().notFired());
                        }
                    }
                }
            }
            Set<String> items = new LinkedHashSet<>();
            for (RuleDescriptor rule : set.rules()) {
                for (String key : RuleMetadata.REQUIRED) {
                    Object v = rule.metadata().get(key);
                    if (v == null || (!key.equals(RuleMetadata.ITEM) && v.toString().isBlank())) {
                        problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」缺少引用元数据 @" + key));
                    }
                }
                if (!firedSomewhere.contains(rule.name())) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」没有使其触发的场景（expect.fired）"));
                }
                if (!heldBackSomewhere.contains(rule.name())) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」没有不应触发的临界场景（expect.notFired）"));
                }
                Citation c = rule.citation();
                if (c.documentNumber().equals(set.manifest().documentNumber()) && !c.item().isBlank()) {
                    items.add(c.article() + c.item());
                }
            }
            coverage.add(new RuleValidation.Coverage(set.manifest().id(), set.manifest().name(), items.size(),
                    set.manifest().totalItems(), set.manifest().gaps() == null ? List.of() : set.manifest().gaps()));
        }
        return new RuleValidation(results, problems, coverage);
    }

    static ScenarioResult run(RuleBase base, CompiledRuleSet set, String file, Scenario s) {
        List<String> failures = new ArrayList<>();
        if (s.expect() == null || s.enterprise() == null) {
            return new ScenarioResult(file, s.name(), List.of("场景缺少 enterprise 或 expect"), null);
        }
        Scenario.Enterprise e = s.enterprise();
        String sector = e.sector() != null ? e.sector() : set.manifest().sectors().get(0);
        FindingFacts facts = new FindingFacts(
                new EnterpriseFacts(e.industry(), e.flags() == null ? Set.of() : Set.copyOf(e.flags()), e.majorHazardSourceLevel()),
                sector, s.inspectionDate() != null ? s.inspectionDate() : set.manifest().effectiveFrom(), s.answers());
        JudgmentResult r = RuleEngine.judge(base, facts);
        Scenario.Expect x = s.expect();
        if (x.grade() != null && !HazardGrade.fromLabel(x.grade()).equals(r.grade())) {
            failures.add("等级应为「" + x.grade() + "」，实际为「" + r.grade().label() + "」"
                    + (r.reason() == null ? "" : "（" + r.reason() + "）"));
        }
        if (x.fired() != null) {
            x.fired().stream().filter(n -> !r.firedRules().contains(n))
                    .forEach(n -> failures.add("规则「" + n + "」应触发但未触发；实际触发：" + r.firedRules()));
        }
        if (x.notFired() != null) {
            x.notFired().stream().filter(r.firedRules()::contains)
                    .forEach(n -> failures.add("规则「" + n + "」不应触发但触发了"));
        }
        if (x.citations() != null) {
            List<String> actual = r.citations().stream().map(c -> c.article() + c.item()).toList();
            x.citations().stream().filter(c -> !actual.contains(c))
                    .forEach(c -> failures.add("应引用「" + c + "」，实际引用：" + actual));
        }
        if (x.ruleSet() != null && r.ruleSets().stream().noneMatch(ref -> ref.id().equals(x.ruleSet()))) {
            failures.add("应使用规则集「" + x.ruleSet() + "」，实际：" + r.ruleSets().stream().map(RuleSetRef::id).toList());
        }
        return new ScenarioResult(file, s.name(), failures, r);
    }
}

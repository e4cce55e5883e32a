package cn.yjzf.penalty;

import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleCompilationException;
import cn.yjzf.judgment.RuleDescriptor;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleProblem;
import cn.yjzf.penalty.facts.Discretion;
import cn.yjzf.penalty.facts.FrameFlag;
import cn.yjzf.penalty.facts.FrameMeasure;
import cn.yjzf.penalty.facts.PenaltyCitation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The penalty gate: compiles every penalty family, runs its scenarios, requires citation metadata and a firing plus a
 * near-miss scenario for every rule, checks that every catalogue frame has rules, and reports article coverage.
 */
public final class PenaltyValidator {

    private static final List<String> REQUIRED = List.of(PenaltyCitation.LAW, PenaltyCitation.ARTICLE, PenaltyCitation.TITLE,
            PenaltyCitation.VERIFICATION, PenaltyCitation.SOURCE);

    public PenaltyValidation validate(RuleFiles files) {
        List<PenaltyRuleSet> sets;
        try {
            sets = new PenaltyRuleLoader().load(files);
        } catch (RuleCompilationException e) {
            return new PenaltyValidation(List.of(), e.problems(), List.of(), List.of());
        }
        List<PenaltyValidation.Result> results = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<PenaltyValidation.Coverage> coverage = new ArrayList<>();
        FrameEngine engine = new FrameEngine();
        for (PenaltyRuleSet set : sets) {
            Set<String> fired = new HashSet<>();
            Set<String> heldBack = new HashSet<>();
            for (Map.Entry<String, String> f : files.under(set.dir() + "scenarios/").entrySet()) {
                if (!RuleFiles.isRuleFile(f.getKey()) || f.getKey().endsWith(".drl")) {
                    continue;
                }
                PenaltyScenario.File file;
                try {
                    file = RuleBaseLoader.readYaml(files, f.getKey(), PenaltyScenario.File.class);
                } catch (RuleCompilationException e) {
                    problems.addAll(e.problems());
                    continue;
                }
                for (PenaltyScenario s : file.scenarios()) {
                    results.add(run(engine, set, files.display(f.getKey()), s));
                    if (s.expect() != null && s.expect().fired() != null) {
                        fired.addAll(s.expect().fired());
                    }
                    if (s.expect() != null && s.expect().notFired() != null) {
                        heldBack.addAll(s.expect().notFired());
                    }
                }
            }
            Set<String> encoded = new LinkedHashSet<>();
            Set<String> frames = new HashSet<>();
            for (RuleDescriptor rule : set.rules()) {
                for (String key : REQUIRED) {
                    Object v = rule.metadata().get(key);
                    if (v == null || v.toString().isBlank()) {
                        problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」缺少引用元数据 @" + key));
                    }
                }
                boolean tested = fired.contains(rule.name()) && heldBack.contains(rule.name());
                if (!fired.contains(rule.name())) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」没有使其触发的场景（expect.fired）"));
                }
                if (!heldBack.contains(rule.name())) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」没有不应触发的临界场景（expect.notFired）"));
                }
                if (tested && Objects.equals(rule.metadata().get(PenaltyCitation.LAW), set.manifest().law())) {
                    encoded.add(rule.metadata().get(PenaltyCitation.ARTICLE).toString());
                }
            }
            for (Violation v : set.violations()) {
                frames.add(v.frame());
                if (v.frame() == null && (v.gap() == null || v.gap().isBlank())) {
                    problems.add(new RuleProblem(files.display(set.dir() + PenaltyRuleLoader.CATALOGUE), 0,
                            "违法行为 " + v.code() + " 没有法定幅度（frame），须写明缺口（gap）"));
                }
            }
            List<String> ordered = set.manifest().articles().stream().filter(encoded::contains).toList();
            coverage.add(new PenaltyValidation.Coverage(set.manifest().id(), set.manifest().name(), ordered,
                    set.manifest().articles(), set.manifest().gaps() == null ? List.of() : set.manifest().gaps()));
        }
        return new PenaltyValidation(results, problems, coverage, sets);
    }

    static PenaltyValidation.Result run(FrameEngine engine, PenaltyRuleSet set, String file, PenaltyScenario s) {
        List<String> failures = new ArrayList<>();
        FrameResult r;
        try {
            r = engine.evaluate(set, s.input());
        } catch (RuntimeException e) {
            return new PenaltyValidation.Result(file, s.name(), false, List.of("运行出错：" + e.getMessage()));
        }
        PenaltyScenario.Expect e = s.expect();
        if (e == null) {
            return new PenaltyValidation.Result(file, s.name(), false, List.of("缺少 expect"));
        }
        if (e.accidentLevel() != null && !e.accidentLevel().equals(r.accidentLevel())) {
            failures.add("事故等级应为 " + e.accidentLevel() + "，实际为 " + r.accidentLevel());
        }
        if (e.ranges() != null) {
            List<String> actual = r.ranges().stream().map(PenaltyScenario::describe).sorted().toList();
            if (!actual.equals(e.ranges().stream().sorted().toList())) {
                failures.add("幅度应为 " + e.ranges() + "，实际为 " + actual);
            }
        }
        List<String> measures = r.measures().stream().map(FrameMeasure::getText).toList();
        for (String m : e.measures() == null ? List.<String>of() : e.measures()) {
            if (measures.stream().noneMatch(x -> x.contains(m))) {
                failures.add("缺少措施「" + m + "」，实际为 " + measures);
            }
        }
        if (e.flags() != null) {
            List<String> flags = r.flags().stream().map(FrameFlag::getCode).distinct().sorted().toList();
            if (!flags.equals(e.flags().stream().sorted().toList())) {
                failures.add("标记应为 " + e.flags() + "，实际为 " + flags);
            }
        }
        if (e.discretions() != null) {
            List<String> d = r.discretions().stream().map(Discretion::getOutcome).distinct().sorted().toList();
            if (!d.equals(e.discretions().stream().distinct().sorted().toList())) {
                failures.add("裁量结论应为 " + e.discretions() + "，实际为 " + d);
            }
        }
        for (String rule : e.fired() == null ? List.<String>of() : e.fired()) {
            if (!r.firedRules().contains(rule)) {
                failures.add("规则 " + rule + " 应触发而未触发（触发的：" + r.firedRules() + "）");
            }
        }
        for (String rule : e.notFired() == null ? List.<String>of() : e.notFired()) {
            if (r.firedRules().contains(rule)) {
                failures.add("规则 " + rule + " 不应触发");
            }
        }
        return new PenaltyValidation.Result(file, s.name(), failures.isEmpty(), failures);
    }
}

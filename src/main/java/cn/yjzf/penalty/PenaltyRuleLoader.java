package cn.yjzf.penalty;

import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleCompilationException;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RuleProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.KieBase;

/**
 * Compiles the penalty rule families under {@code rules/penalty/}: every folder there holding a {@code penalty-set.yaml}
 * (its {@code catalogue.yaml}, DRL and {@code scenarios/}). The hazard loader ignores these folders because it only
 * reads folders with a {@code ruleset.yaml}. Compilation and {@code 文件:行号} errors are the hazard loader's.
 */
public final class PenaltyRuleLoader {

    public static final String ROOT = "penalty/";
    public static final String MANIFEST = "penalty-set.yaml";
    public static final String CATALOGUE = "catalogue.yaml";

    public List<PenaltyRuleSet> load(RuleFiles files) {
        List<PenaltyRuleSet> sets = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (String path : files.under(ROOT).keySet()) {
            if (path.endsWith("/" + MANIFEST)) {
                try {
                    sets.add(compile(files, path.substring(0, path.length() - MANIFEST.length())));
                } catch (RuleCompilationException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        // a rules directory without penalty/ (e.g. a hazard-only copy) has no families; one with it must compile some
        if (sets.isEmpty() && problems.isEmpty() && !files.under(ROOT).isEmpty()) {
            problems.add(new RuleProblem(files.display(ROOT), 0, "没有找到任何处罚规则族（含 " + MANIFEST + " 的目录）"));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return List.copyOf(sets);
    }

    private PenaltyRuleSet compile(RuleFiles files, String dir) {
        PenaltySetManifest manifest = RuleBaseLoader.readYaml(files, dir + MANIFEST, PenaltySetManifest.class);
        List<RuleProblem> problems = new ArrayList<>();
        String where = files.display(dir + MANIFEST);
        if (manifest.id() == null || manifest.version() == null || manifest.effectiveFrom() == null
                || manifest.law() == null || manifest.source() == null) {
            problems.add(new RuleProblem(where, 0, "id、version、law、effectiveFrom、source 必填"));
        }
        if (!files.files().containsKey(dir + CATALOGUE)) {
            problems.add(new RuleProblem(files.display(dir), 0, "处罚规则族缺少 " + CATALOGUE + "（违法行为库）"));
            throw new RuleCompilationException(problems);
        }
        List<Violation> violations = RuleBaseLoader.readYaml(files, dir + CATALOGUE, Violation.Catalogue.class).violations();
        Map<String, String> drl = new LinkedHashMap<>();
        java.util.SortedMap<String, String> hashed = new TreeMap<>();
        files.under(dir).forEach((path, text) -> {
            if (path.startsWith(dir + "scenarios/")) {
                return;
            }
            hashed.put(path, text);
            if (path.endsWith(".drl")) {
                drl.put(path, text);
            }
        });
        if (drl.isEmpty()) {
            problems.add(new RuleProblem(files.display(dir), 0, "处罚规则族中没有 .drl 文件"));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        KieBase kieBase = new RuleBaseLoader().compile(files, "penalty-" + manifest.id(), drl);
        String hash = new RuleFiles(files.origin(), hashed).contentHash();
        return new PenaltyRuleSet(dir, manifest, List.copyOf(violations), RuleBaseLoader.describe(files, kieBase, drl),
                kieBase, hash);
    }
}

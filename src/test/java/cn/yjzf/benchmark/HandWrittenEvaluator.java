package cn.yjzf.benchmark;

import cn.yjzf.judgment.Answer;
import cn.yjzf.judgment.ChecklistQuestion;
import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.CompiledRuleSet;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleSetManifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The criteria of 工贸 第二条、第三条、第六条、第十四条 and the 一般事故隐患 fallback written as plain Java, only for
 * the benchmark: it measures what the rule engine costs compared with hard-coded logic, and cross-checks that both
 * give the same grades and fire the same rules on every synthetic finding.
 */
final class HandWrittenEvaluator {

    record Result(HazardGrade grade, List<String> fired) {
    }

    private static final Set<String> BAD_DEVICE = Set.of("未设置", "失效");

    static Result judge(String industry, Set<String> flags, Map<String, String> a, Set<String> deficientCodes) {
        List<String> fired = new ArrayList<>();
        List<String> major = new ArrayList<>();
        boolean jc = "建材".equals(industry);
        if (a.containsKey("GM-02-01-DOMAIN")) {
            fired.add("GM2023-02");
        }
        if ("否".equals(a.get("GM-03-01-COORD")) || "否".equals(a.get("GM-03-01-CHECK"))) {
            major.add("GM2023-03-01");
        }
        if ("否".equals(a.get("GM-03-02-CERT"))) {
            major.add("GM2023-03-02");
        }
        if (flags.contains("金属冶炼") && ("否".equals(a.get("GM-03-03-HEAD")) || "否".equals(a.get("GM-03-03-MANAGER")))) {
            major.add("GM2023-03-03");
        }
        if (jc) {
            if (bad(a, "GM-06-01-TEMP") || bad(a, "GM-06-01-CO") || bad(a, "GM-06-01-EXTINGUISH")) {
                major.add("GM2023-06-01");
            }
            if ("否".equals(a.get("GM-06-02-MEASURES"))) {
                major.add("GM2023-06-02");
            }
            if ("是".equals(a.get("GM-06-03-SCOPE")) && (bad(a, "GM-06-03-GAS") || bad(a, "GM-06-03-INTERLOCK"))) {
                major.add("GM2023-06-03");
            }
            if ("否".equals(a.get("GM-06-04-ISOLATION")) || "否".equals(a.get("GM-06-04-FALL"))) {
                major.add("GM2023-06-04");
            }
            if ("采用预混燃烧方式的燃气窑炉".equals(a.get("GM-06-05-KILN"))
                    && (bad(a, "GM-06-05-PRESSURE") || bad(a, "GM-06-05-INTERLOCK"))) {
                major.add("GM2023-06-05");
            }
            if (bad(a, "GM-06-06-GAS")) {
                major.add("GM2023-06-06");
            }
            if ("失效".equals(a.get("GM-06-07-COOLING"))) {
                major.add("GM2023-06-07");
            }
            if (bad(a, "GM-06-08-WATER") || bad(a, "GM-06-08-AIR")) {
                major.add("GM2023-06-08");
            }
        }
        fired.addAll(major);
        if (!major.isEmpty()) {
            // 第十四条: a failed device among the answers of a major item
            if (a.values().contains("失效")) {
                fired.add("GM2023-14");
            }
            return new Result(HazardGrade.MAJOR, fired);
        }
        if (!deficientCodes.isEmpty()) {
            fired.add("COMMON-GENERAL");
            return new Result(HazardGrade.GENERAL, fired);
        }
        return new Result(HazardGrade.UNMATCHED, fired);
    }

    /**
     * The same envelope as the engine's path around the criteria above: rule sets in force on the date, answers built
     * and marked deficient by their checklist question, and a {@link JudgmentResult} with citations (from the rule
     * set's per-rule cache), fired rules, rule-set references and reason: what the engine does besides matching.
     */
    static JudgmentResult enveloped(RuleBase base, FindingFacts f) {
        List<CompiledRuleSet> sets = base.inForce(f.inspectionDate(), f.sector());
        if (sets.isEmpty()) {
            return new JudgmentResult(HazardGrade.UNMATCHED, List.of(), List.of(), List.of(), f.inspectionDate(),
                    "没有施行中的规则集");
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(f.answers().entrySet());
        entries.sort(Map.Entry.comparingByKey());
        List<Answer> answers = new ArrayList<>(entries.size());
        Set<String> deficient = new HashSet<>();
        for (Map.Entry<String, String> e : entries) {
            ChecklistQuestion q = null;
            for (int k = 0; k < sets.size() && q == null; k++) {
                q = sets.get(k).questions().get(e.getKey());
            }
            boolean bad = q != null && q.isDeficient(e.getValue());
            answers.add(new Answer(e.getKey(), e.getValue(), bad));
            if (bad) {
                deficient.add(e.getKey());
            }
        }
        Result r = judge(f.enterprise().getIndustry(), f.enterprise().getFlags(), f.answers(), deficient);
        CompiledRuleSet set = sets.get(0);
        List<Citation> citations = new ArrayList<>();
        String reason = null;
        if (r.grade() == HazardGrade.MAJOR) {
            r.fired().stream().filter(n -> !n.equals("GM2023-02")).sorted().forEach(n -> citations.add(set.citations().get(n)));
        } else if (r.grade() == HazardGrade.GENERAL) {
            citations.add(set.citations().get("COMMON-GENERAL"));
        } else if (r.fired().contains("GM2023-02")) {
            citations.add(set.citations().get("GM2023-02"));
            reason = set.manifest().route(f.answers().get("GM-02-01-DOMAIN")).map(RuleSetManifest.Route::reason).orElse(null);
        } else {
            reason = answers.isEmpty() ? "未回答检查表中的检查项" : "所答检查项未符合任何判定标准条款的情形，请人工判定";
        }
        return new JudgmentResult(r.grade(), List.copyOf(citations), List.copyOf(r.fired()),
                sets.stream().map(CompiledRuleSet::ref).toList(), f.inspectionDate(), reason);
    }

    private static boolean bad(Map<String, String> a, String code) {
        String v = a.get(code);
        return v != null && BAD_DEVICE.contains(v);
    }

    private HandWrittenEvaluator() {
    }
}

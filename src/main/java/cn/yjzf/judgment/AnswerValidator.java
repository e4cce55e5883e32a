package cn.yjzf.judgment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one check of a finding's answers before it is judged, shared by the web form, the inspection API, the batch API,
 * the {@code judge} command and the scenario runner. Rejected, each with the question code and the reason:
 * <ul>
 *   <li>a code that is no question of the rule sets in force ({@code UNKNOWN_QUESTION}), or not of the chosen group;</li>
 *   <li>an answer to a group that does not apply to the enterprise ({@code GROUP_NOT_APPLICABLE}): the message names
 *       the article it would fall under and why it does not apply (registered industry, missing flag);</li>
 *   <li>a value the question does not accept ({@code INVALID_ANSWER});</li>
 *   <li>an unanswered question of an answered group whose answer could still change the outcome ({@code REQUIRED}).</li>
 * </ul>
 * Unanswered questions that cannot change the outcome may stay unanswered (未检查): e.g. when one limb of an "或者"
 * item already makes it 重大, or when a gating question (是否采用深井铸造工艺？否) takes the item out of scope.
 * "Could change the outcome" is decided by judging the finding with every combination of values for the unanswered
 * questions of the group, so it always follows the rules as written and needs no hand-kept list.
 */
public final class AnswerValidator {

    /** Above this many combinations every unanswered question of the group is simply required. */
    private static final int MAX_COMBINATIONS = 512;
    private static final Map<String, Map<String, List<BigDecimal>>> THRESHOLDS = new ConcurrentHashMap<>();

    private AnswerValidator() {
    }

    /** One rejected answer: {@code field} like {@code answers[GM-11-10-CLEANING]}, a stable code and a Chinese reason. */
    public record Problem(String field, String code, String question, String message) {
    }

    /** The answers to judge (trimmed; blank ones dropped as 未检查) or the problems, never both. */
    public record Checked(Map<String, String> answers, List<Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks {@code facts.answers()} against the rule sets of {@code base} in force for the facts' date and sector.
     * {@code groupCode} non-null: every answer must belong to that group (the web form and inspection API);
     * null: the groups are taken from the answer codes (batch input and scenarios).
     */
    public static Checked check(RuleBase base, FindingFacts facts, String groupCode) {
        List<CompiledRuleSet> sets = base.inForce(facts.inspectionDate(), facts.sector());
        List<Problem> problems = new ArrayList<>();
        Map<String, String> answers = answered(facts.answers());
        if (sets.isEmpty() && groupCode == null) {
            return new Checked(answers, List.of()); // judged 未匹配: no standard in force for that date and sector
        }
        EnterpriseFacts enterprise = facts.enterprise();
        ChecklistGroup chosen = null;
        if (groupCode != null) {
            chosen = group(sets, groupCode);
            if (chosen == null) {
                return new Checked(Map.of(), List.of(new Problem("checklistGroup", "UNKNOWN_GROUP", null,
                        "检查项组「" + groupCode + "」不在检查日期施行、适用于该领域的判定标准中")));
            }
            String why = whyNotApplicable(chosen, enterprise);
            if (why != null) {
                return new Checked(Map.of(), List.of(new Problem("checklistGroup", "GROUP_NOT_APPLICABLE", null,
                        chosen.reference() + "（" + chosen.title() + "）不适用于该企业：" + why)));
            }
        }
        Map<ChecklistGroup, Map<String, String>> byGroup = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : answers.entrySet()) {
            String field = "answers[" + a.getKey() + "]";
            ChecklistGroup g = groupOf(sets, a.getKey());
            if (g == null || (chosen != null && !g.code().equals(chosen.code()))) {
                problems.add(new Problem(field, "UNKNOWN_QUESTION", a.getKey(), chosen == null
                        ? "不是检查日期施行的判定标准中的检查项" : "不是检查项组「" + chosen.code() + "」的检查项"));
                continue;
            }
            String why = whyNotApplicable(g, enterprise);
            if (why != null) {
                problems.add(new Problem(field, "GROUP_NOT_APPLICABLE", a.getKey(),
                        "该检查项属于" + g.reference() + "（" + g.title() + "），" + why));
                continue;
            }
            ChecklistQuestion q = question(g, a.getKey());
            String reason = q.rejectValue(a.getValue());
            if (reason != null) {
                problems.add(new Problem(field, "INVALID_ANSWER", a.getKey(), q.text() + "：" + reason));
                continue;
            }
            byGroup.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(a.getKey(), a.getValue());
        }
        if (chosen != null) {
            byGroup.putIfAbsent(chosen, new LinkedHashMap<>());
        }
        // decisive questions are judged on the valid answers only; a rejected answer is reported once, above
        Set<String> rejected = new HashSet<>();
        problems.forEach(p -> rejected.add(p.question()));
        Map<String, String> valid = new LinkedHashMap<>();
        byGroup.values().forEach(valid::putAll);
        for (ChecklistGroup g : byGroup.keySet()) {
            for (ChecklistQuestion q : decisiveUnanswered(base, facts, valid, g)) {
                if (rejected.contains(q.code())) {
                    continue;
                }
                problems.add(new Problem("answers[" + q.code() + "]", "REQUIRED", q.code(), q.text()
                        + "：未作答，而其答案可能改变本项（" + g.reference() + "）的判定结果，请作答"
                        + (q.allowsNotApplicable() ? "（所涉设施、场所或工艺不存在的，答「" + Answer.NOT_APPLICABLE + "」）" : "")));
            }
        }
        return problems.isEmpty() ? new Checked(answers, List.of()) : new Checked(Map.of(), problems);
    }

    /** The answers as they are judged: values trimmed, blank ones (未检查) left out, in code order. */
    public static Map<String, String> answered(Map<String, String> given) {
        Map<String, String> answers = new LinkedHashMap<>();
        new TreeSet<>(given.keySet()).forEach(code -> {
            String value = given.get(code) == null ? "" : given.get(code).trim();
            if (!value.isEmpty()) {
                answers.put(code, value);
            }
        });
        return answers;
    }

    /** Null when the group applies to the enterprise, otherwise why not, in Chinese. */
    public static String whyNotApplicable(ChecklistGroup g, EnterpriseFacts e) {
        List<String> industries = g.industries() == null ? List.of() : g.industries();
        if (!industries.isEmpty() && !industries.contains(e.getIndustry())) {
            return "只适用于" + String.join("、", industries) + "企业，而该企业登记的行业为「" + e.getIndustry()
                    + "」；若登记行业有误，请先更正企业登记";
        }
        List<String> missing = g.flags() == null ? List.of()
                : g.flags().stream().filter(f -> !e.getFlags().contains(f)).toList();
        if (!missing.isEmpty()) {
            return "只适用于具有「" + String.join("、", missing) + "」情形的企业，而该企业登记中没有该标记；"
                    + "现场确认存在的，请先在企业登记中勾选";
        }
        return null;
    }

    /**
     * The unanswered questions of {@code group} whose value can change the outcome given every other answer: judged
     * with every combination of candidate values, a question is decisive when two combinations differing only in it
     * give different outcomes ({@link #outcome}).
     */
    static List<ChecklistQuestion> decisiveUnanswered(RuleBase base, FindingFacts facts, Map<String, String> answers,
                                                      ChecklistGroup group) {
        List<ChecklistQuestion> missing = group.questions().stream().filter(q -> !answers.containsKey(q.code())).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        // A campaign repeats the same partial answers many times: the result depends only on the key below.
        EnterpriseFacts e = facts.enterprise();
        DecisiveKey key = new DecisiveKey(base.inForce(facts.inspectionDate(), facts.sector()).stream()
                .map(CompiledRuleSet::hash).toList(), e.getIndustry(), e.getFlags(), e.getMajorHazardSourceLevel(),
                facts.sector(), group.code(), Map.copyOf(answers));
        List<String> known = DECISIVE.get(key);
        if (known == null) {
            known = computeDecisive(base, facts, answers, missing).stream().map(ChecklistQuestion::code).toList();
            DECISIVE.put(key, known);
        }
        List<String> codes = known;
        return missing.stream().filter(q -> codes.contains(q.code())).toList();
    }

    private record DecisiveKey(List<String> ruleSetHashes, String industry, Set<String> flags, Integer level,
                               String sector, String group, Map<String, String> answers) {
    }

    /** Least-recently-used results of {@link #computeDecisive}, shared by all threads. */
    private static final Map<DecisiveKey, List<String>> DECISIVE = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<DecisiveKey, List<String>> eldest) {
                    return size() > 10_000;
                }
            });

    private static List<ChecklistQuestion> computeDecisive(RuleBase base, FindingFacts facts, Map<String, String> answers,
                                                           List<ChecklistQuestion> missing) {
        List<List<String>> candidates = new ArrayList<>();
        long combinations = 1;
        for (ChecklistQuestion q : missing) {
            List<String> values = candidates(base, facts, q);
            candidates.add(values);
            combinations *= values.size();
        }
        if (combinations > MAX_COMBINATIONS) {
            return missing;
        }
        List<List<String>> combos = new ArrayList<>();
        List<FindingFacts> trials = new ArrayList<>();
        enumerate(candidates, new ArrayList<>(), combo -> {
            Map<String, String> trial = new HashMap<>(answers);
            for (int i = 0; i < missing.size(); i++) {
                trial.put(missing.get(i).code(), combo.get(i));
            }
            combos.add(List.copyOf(combo));
            trials.add(new FindingFacts(facts.enterprise(), facts.sector(), facts.inspectionDate(), trial));
        });
        // the combinations are independent findings: judged together, many per session
        List<JudgmentResult> judged = RuleEngine.judgeAll(base, trials);
        Map<List<String>, String> outcomes = new HashMap<>();
        for (int k = 0; k < combos.size(); k++) {
            outcomes.put(combos.get(k), outcome(judged.get(k)));
        }
        List<ChecklistQuestion> decisive = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            Map<List<String>, Set<String>> byRest = new HashMap<>();
            for (Map.Entry<List<String>, String> o : outcomes.entrySet()) {
                List<String> rest = new ArrayList<>(o.getKey());
                rest.remove(i);
                byRest.computeIfAbsent(rest, k -> new HashSet<>()).add(o.getValue());
            }
            if (byRest.values().stream().anyMatch(s -> s.size() > 1)) {
                decisive.add(missing.get(i));
            }
        }
        return decisive;
    }

    /**
     * What an unanswered question must not be able to change: whether the finding is 重大 (and under which items), or
     * routed / left open by the text. 一般 and 未匹配 count as one outcome: an unanswered question that could only add
     * a 一般 (e.g. the spark detector of a negative-pressure system under 第十一条（四）) may stay 未检查.
     */
    private static String outcome(JudgmentResult r) {
        List<String> rules = r.citations().stream().map(Citation::rule).sorted().toList();
        if (r.grade() == HazardGrade.MAJOR) {
            // cross-cutting citations (第十四条: "失效" as well as "未设置") add a reason, not another item
            return "MAJOR" + r.citations().stream().filter(c -> !c.item().isBlank()).map(Citation::rule).sorted().toList();
        }
        if (r.grade() == HazardGrade.UNMATCHED && !rules.isEmpty()) {
            return "UNDECIDED" + rules;
        }
        return "NOT_MAJOR";
    }

    private static void enumerate(List<List<String>> candidates, List<String> prefix,
                                  java.util.function.Consumer<List<String>> each) {
        if (prefix.size() == candidates.size()) {
            each.accept(prefix);
            return;
        }
        for (String v : candidates.get(prefix.size())) {
            prefix.add(v);
            enumerate(candidates, prefix, each);
            prefix.remove(prefix.size() - 1);
        }
    }

    /** The values worth trying for an unanswered question: its options, or for a number 0 and each side of every threshold. */
    private static List<String> candidates(RuleBase base, FindingFacts facts, ChecklistQuestion q) {
        if (q.type() != ChecklistQuestion.QuestionType.NUMBER) {
            return q.allowedValues();
        }
        Set<BigDecimal> numbers = new TreeSet<>(List.of(BigDecimal.ZERO, BigDecimal.valueOf(1_000_000)));
        for (CompiledRuleSet set : base.inForce(facts.inspectionDate(), facts.sector())) {
            for (BigDecimal t : thresholds(base, set).getOrDefault(q.code(), List.of())) {
                numbers.add(t);
                numbers.add(t.add(BigDecimal.ONE));
                if (t.signum() > 0) {
                    numbers.add(t.subtract(BigDecimal.ONE).max(BigDecimal.ZERO));
                }
            }
        }
        List<String> values = new ArrayList<>(numbers.stream().map(BigDecimal::toPlainString).toList());
        if (q.allowsNotApplicable()) {
            values.add(Answer.NOT_APPLICABLE);
        }
        return values;
    }

    /** Literal numbers each NUMBER question is compared with in the set's DRL, read once per rule-set hash. */
    private static Map<String, List<BigDecimal>> thresholds(RuleBase base, CompiledRuleSet set) {
        return THRESHOLDS.computeIfAbsent(set.hash(), h -> {
            Map<String, List<BigDecimal>> out = new HashMap<>();
            base.files().under(set.dir()).forEach((path, text) -> {
                if (!path.endsWith(".drl")) {
                    return;
                }
                for (RuleValidator.AnswerPattern p : RuleValidator.answerPatterns(text)) {
                    for (String test : p.numberTests()) {
                        try {
                            BigDecimal t = new BigDecimal(test.split(" ", 2)[1]);
                            p.codes().forEach(c -> out.computeIfAbsent(c, k -> new ArrayList<>()).add(t));
                        } catch (NumberFormatException notALiteral) {
                            // compared with another answer (e.g. 设定值 > 设计值): 0 and 1,000,000 cover both sides
                        }
                    }
                }
            });
            return out;
        });
    }

    private static ChecklistGroup group(List<CompiledRuleSet> sets, String code) {
        return sets.stream().flatMap(s -> s.checklist().groups().stream()).filter(g -> g.code().equals(code))
                .findFirst().orElse(null);
    }

    private static ChecklistGroup groupOf(List<CompiledRuleSet> sets, String questionCode) {
        for (CompiledRuleSet set : sets) {
            ChecklistGroup g = GROUP_OF_QUESTION.computeIfAbsent(set.hash(), h -> {
                Map<String, ChecklistGroup> index = new HashMap<>();
                set.checklist().groups().forEach(gr -> gr.questions().forEach(q -> index.putIfAbsent(q.code(), gr)));
                return index;
            }).get(questionCode);
            if (g != null) {
                return g;
            }
        }
        return null;
    }

    /** Question code → its group, per rule-set hash (a batch looks up every answer of every finding). */
    private static final Map<String, Map<String, ChecklistGroup>> GROUP_OF_QUESTION = new ConcurrentHashMap<>();

    private static ChecklistQuestion question(ChecklistGroup g, String code) {
        return g.questions().stream().filter(q -> q.code().equals(code)).findFirst().orElseThrow();
    }
}

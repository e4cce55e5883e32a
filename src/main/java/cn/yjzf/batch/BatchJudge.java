package cn.yjzf.batch;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.input.InputBounds;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.judgment.AnswerValidator;
import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns batch input into engine facts (or says which field is wrong) and judges it against a rule base snapshot. */
public final class BatchJudge {

    private static final Map<String, Industry> INDUSTRIES = Arrays.stream(Industry.values())
            .collect(Collectors.toMap(Industry::label, i -> i));
    private static final Set<String> FLAGS = Arrays.stream(EnterpriseFlag.values()).map(EnterpriseFlag::label)
            .collect(Collectors.toSet());

    private BatchJudge() {
    }

    /**
     * The problems of one finding, each field prefixed with {@code prefix} (e.g. "findings[3]."): the enterprise fields,
     * then its answers against the rule sets of {@code base} in force on its date ({@link AnswerValidator}).
     */
    public static List<FieldProblem> problems(RuleBase base, BatchFinding f, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f == null) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "finding" : prefix.substring(0, prefix.length() - 1),
                    "REQUIRED", "缺少检查发现"));
            return problems;
        }
        if (f.industry() == null || !INDUSTRIES.containsKey(f.industry())) {
            problems.add(new FieldProblem(prefix + "industry", f.industry() == null ? "REQUIRED" : "UNKNOWN_INDUSTRY",
                    "行业应为以下之一：" + String.join("、", INDUSTRIES.keySet())));
        }
        if (f.inspectionDate() == null) {
            problems.add(new FieldProblem(prefix + "inspectionDate", "REQUIRED", "请填写检查日期"));
        } else if (InputBounds.problemWith(f.inspectionDate(), 0) != null) {
            problems.add(new FieldProblem(prefix + "inspectionDate", "DATE_OUT_OF_RANGE",
                    "检查日期" + InputBounds.problemWith(f.inspectionDate(), 0)));
        }
        if (f.id() != null && (f.id().length() > 100 || !InputBounds.isCleanText(f.id(), false))) {
            problems.add(new FieldProblem(prefix + "id", "INVALID_ID", "编号不超过100字且不含控制字符"));
        }
        if (f.answers() != null) {
            if (f.answers().size() > 200) {
                problems.add(new FieldProblem(prefix + "answers", "TOO_MANY", "每条检查发现最多200个答案"));
            }
            f.answers().entrySet().stream().filter(a -> !cleanAnswer(a.getKey()) || !cleanAnswer(a.getValue()))
                    .limit(10).forEach(a -> problems.add(new FieldProblem(prefix + "answers", "INVALID_ANSWER",
                            "检查项编号和答案不能为空、不超过100字且不含控制字符")));
        }
        if (f.flags() != null) {
            f.flags().stream().filter(x -> !FLAGS.contains(x)).forEach(x -> problems.add(new FieldProblem(
                    prefix + "flags", "UNKNOWN_FLAG", "未知的企业标记「" + x + "」")));
        }
        Integer level = f.majorHazardSourceLevel();
        if (level != null && (level < 1 || level > 4)) {
            problems.add(new FieldProblem(prefix + "majorHazardSourceLevel", "OUT_OF_RANGE", "重大危险源等级为1至4级"));
        }
        if (problems.isEmpty()) {
            AnswerValidator.check(base, facts(f), null).problems().forEach(p -> problems.add(
                    new FieldProblem(prefix + p.field(), p.code(), p.message())));
        }
        return problems;
    }

    private static boolean cleanAnswer(String s) {
        return s != null && s.length() <= 100 && InputBounds.isCleanText(s, false);
    }

    /** Judges a finding already checked by {@link #problems}. */
    public static BatchResult judge(RuleBase base, BatchFinding f) {
        return judgeAll(base, List.of(f)).get(0);
    }

    /**
     * Judges findings already checked by {@link #problems} together (many per rule session, see
     * {@link RuleEngine#judgeAll}); each result is the one the finding gets alone, in input order.
     */
    public static List<BatchResult> judgeAll(RuleBase base, List<BatchFinding> findings) {
        List<FindingFacts> facts = new ArrayList<>(findings.size());
        for (BatchFinding f : findings) {
            FindingFacts given = facts(f);
            // answers as checked: trimmed, blank ones (未检查) dropped
            facts.add(new FindingFacts(given.enterprise(), given.sector(), given.inspectionDate(),
                    AnswerValidator.answered(given.answers())));
        }
        List<JudgmentResult> results = RuleEngine.judgeAll(base, facts);
        List<BatchResult> out = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            out.add(BatchResult.of(findings.get(i).id(), results.get(i)));
        }
        return out;
    }

    private static FindingFacts facts(BatchFinding f) {
        Industry industry = INDUSTRIES.get(f.industry());
        return new FindingFacts(
                new EnterpriseFacts(industry.label(), f.flags() == null ? Set.of() : Set.copyOf(f.flags()),
                        f.majorHazardSourceLevel()),
                industry.sector().label(), f.inspectionDate(), f.answers());
    }
}

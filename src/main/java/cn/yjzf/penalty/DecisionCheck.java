package cn.yjzf.penalty;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.penalty.ProposalResult.Computation;
import cn.yjzf.penalty.ProposalResult.Range;
import cn.yjzf.penalty.facts.Discretion;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's check of an officer's amounts against the applied computation, whatever the page sent: never above the
 * statutory maximum; below the statutory minimum only as 减轻 with a 第三十二条 ground and a written reason; outside the
 * proposed 基准 range only with a written reason (flagged); 不予处罚 and 第二十九条 items carry no fine.
 */
public final class DecisionCheck {

    /** The checked decision: each choice with the flags reviewers see. */
    public record Checked(List<Line> lines, boolean flagged) {
    }

    public record Line(int index, Long unitAmount, Long personAmount, String reason, List<String> flags) {
    }

    private DecisionCheck() {
    }

    public static Checked check(ProposalResult proposal, DecisionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < request.choices().size(); i++) {
            DecisionRequest.Choice c = request.choices().get(i);
            String at = "choices[" + i + "].";
            if (c.index() >= proposal.violations().size() || !seen.add(c.index())) {
                problems.add(new FieldProblem(at + "index", "INVALID_INDEX", "违法行为序号不存在或重复"));
                continue;
            }
            ProposalResult.ViolationProposal p = proposal.violations().get(c.index());
            Computation comp = p.appliedComputation();
            boolean hasReason = c.reason() != null && !c.reason().isBlank();
            List<String> flags = new ArrayList<>();
            if (p.combinedAway() && (positive(c.unitAmount()) || positive(c.personAmount()))) {
                problems.add(new FieldProblem(at + "unitAmount", "DOUBLE_FINE", p.combinationNote()));
                continue;
            }
            if (Discretion.NO_PENALTY.equals(comp.discretion()) && (positive(c.unitAmount()) || positive(c.personAmount()))) {
                problems.add(new FieldProblem(at + "unitAmount", "NO_PENALTY_REQUIRED", "符合《行政处罚法》第三十三条不予行政处罚的情形，不得罚款"));
                continue;
            }
            boolean noFine = !positive(c.unitAmount()) && !positive(c.personAmount());
            if (noFine && (Discretion.NO_PENALTY.equals(comp.discretion()) || Discretion.MAY_WAIVE.equals(comp.discretion()))) {
                if (Discretion.MAY_WAIVE.equals(comp.discretion())) {
                    flags.add("依《行政处罚法》第三十三条第一款不予行政处罚（首违不罚）");
                }
                lines.add(new Line(c.index(), c.unitAmount(), c.personAmount(), hasReason ? c.reason().trim() : null, List.copyOf(flags)));
                continue;
            }
            boolean mitigationGround = Discretion.LIGHTER_OR_MITIGATED.equals(comp.discretion());
            amount(problems, flags, at + "unitAmount", "单位罚款", c.unitAmount(), statutory(comp, true), proposed(comp, true),
                    c.mitigated(), mitigationGround, hasReason);
            amount(problems, flags, at + "personAmount", "个人罚款", c.personAmount(), statutory(comp, false), proposed(comp, false),
                    c.mitigated(), mitigationGround, hasReason);
            lines.add(new Line(c.index(), c.unitAmount(), c.personAmount(), hasReason ? c.reason().trim() : null, List.copyOf(flags)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(List.copyOf(lines), lines.stream().anyMatch(l -> !l.flags().isEmpty()));
    }

    private static void amount(List<FieldProblem> problems, List<String> flags, String field, String what, Long amount,
            Range statute, Range proposed, boolean mitigated, boolean mitigationGround, boolean hasReason) {
        if (amount == null || (amount == 0 && statute == null)) {
            return;
        }
        if (statute == null) {
            problems.add(new FieldProblem(field, "NO_STATUTORY_FINE", "法律对此没有规定" + what));
            return;
        }
        if (amount > statute.max()) {
            problems.add(new FieldProblem(field, "ABOVE_STATUTORY_MAX", what + AmountRange.yuan(amount) + "超过法定最高额 "
                    + AmountRange.yuan(statute.max()) + "（" + statute.citation() + "）"));
            return;
        }
        if (amount < statute.min()) {
            if (!mitigated || !mitigationGround) {
                problems.add(new FieldProblem(field, "BELOW_STATUTORY_MIN", what + AmountRange.yuan(amount) + "低于法定最低额 "
                        + AmountRange.yuan(statute.min()) + "；只有具备《行政处罚法》第三十二条情形并选择减轻处罚时才可以"));
                return;
            }
            if (!hasReason) {
                problems.add(new FieldProblem(field, "REASON_REQUIRED", "减轻处罚须写明理由"));
                return;
            }
            flags.add(what + "减轻处罚（低于法定最低额，依据《行政处罚法》第三十二条）");
            return;
        }
        if (proposed != null && !proposed.contains(amount)) {
            if (!hasReason) {
                problems.add(new FieldProblem(field, "REASON_REQUIRED", what + AmountRange.yuan(amount) + "不在建议区间 "
                        + proposed.text() + " 内，须写明理由"));
                return;
            }
            flags.add(what + "偏离建议区间 " + proposed.text());
        }
    }

    private static boolean positive(Long v) {
        return v != null && v > 0;
    }

    private static Range statutory(Computation c, boolean unit) {
        return c.statutory().stream().filter(r -> unit == r.subject().equals(cn.yjzf.penalty.facts.FrameRange.UNIT))
                .findFirst().orElse(null);
    }

    private static Range proposed(Computation c, boolean unit) {
        return unit ? c.unitRange() : c.personRange();
    }
}

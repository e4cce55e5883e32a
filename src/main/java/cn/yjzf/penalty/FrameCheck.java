package cn.yjzf.penalty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a 基准 table against the statutory frame: every tier names a known violation with an encoded frame, and each
 * of its ranges lies inside the statute's range for that subject and stage. A row outside is named with its row number
 * and reason; a table with any problem is refused whole.
 */
public final class FrameCheck {

    private FrameCheck() {
    }

    public static List<RowProblem> check(DiscretionTable table, StatutoryFrame frame) {
        List<RowProblem> problems = new ArrayList<>();
        if (table.validFrom() == null) {
            problems.add(new RowProblem(0, "施行日期", "必填"));
        } else if (table.validTo() != null && table.validTo().isBefore(table.validFrom())) {
            problems.add(new RowProblem(0, "失效日期", "早于施行日期"));
        }
        if (table.tiers().isEmpty()) {
            problems.add(new RowProblem(0, null, "表中没有任何裁量阶次"));
        }
        Map<String, Violation> violations = frame.set().byCode();
        for (DiscretionTier t : table.tiers()) {
            Violation v = violations.get(t.violationCode());
            if (v == null) {
                problems.add(new RowProblem(t.line(), "违法行为编码", "违法行为库中没有「" + t.violationCode() + "」"));
                continue;
            }
            if (v.frame() == null) {
                problems.add(new RowProblem(t.line(), "违法行为编码", v.penalty() + "的法定幅度未编码（" + v.gap() + "），不能设置裁量阶次"));
                continue;
            }
            if (t.metricMin() != null && t.metricMax() != null && t.metricMin() > t.metricMax()) {
                problems.add(new RowProblem(t.line(), "指标下限", "指标下限大于上限"));
            }
            StatutoryFrame.Bounds first = frame.bounds(v, v.stages().get(0));
            String escalation = StatutoryFrame.escalation(v);
            StatutoryFrame.Bounds later = escalation == null ? null : frame.bounds(v, escalation);
            within(problems, t, v, "单位罚款", t.unit(), first == null ? null : first.unit(), v.stages().get(0));
            within(problems, t, v, "个人罚款", t.person(), first == null ? null : first.person(), v.stages().get(0));
            within(problems, t, v, "逾期单位罚款", t.unitOverdue(), later == null ? null : later.unit(), escalation);
            within(problems, t, v, "逾期个人罚款", t.personOverdue(), later == null ? null : later.person(), escalation);
        }
        return problems;
    }

    private static void within(List<RowProblem> problems, DiscretionTier t, Violation v, String column, AmountRange given,
            AmountRange statute, String stage) {
        if (given == null) {
            return;
        }
        if (stage == null || statute == null) {
            problems.add(new RowProblem(t.line(), column, "《安全生产法》" + v.penalty() + (stage == null ? "没有该阶段" : "在「" + stage + "」阶段")
                    + "没有规定这项罚款，基准不能设定（" + given.text() + "）"));
        } else if (!given.within(statute)) {
            problems.add(new RowProblem(t.line(), column, given.text() + " 超出《安全生产法》" + v.penalty() + "「" + stage
                    + "」的法定幅度 " + statute.text()));
        }
    }
}

package cn.yjzf.penalty;

import cn.yjzf.penalty.facts.FrameRange;
import java.util.List;

/**
 * A frame scenario as a maintainer writes it in {@code rules/penalty/<family>/scenarios/*.yaml}: the violation's
 * facts and what the statute gives. {@code ranges} is the exact set, each written "主体 最低-最高 单位"
 * ("生产经营单位 0-100000 元", "主要负责人 40-40 上一年年收入百分比"); {@code measures} must each be present.
 */
public record PenaltyScenario(String name, FrameInput.OffenceSpec offence, FrameInput.AccidentSpec accident,
        FrameInput.CircumstanceSpec circumstances, FrameInput.HistorySpec history, Expect expect) {

    public record Expect(String accidentLevel, List<String> ranges, List<String> measures, List<String> flags,
            List<String> discretions, List<String> fired, List<String> notFired) {
    }

    public record File(List<PenaltyScenario> scenarios) {
    }

    FrameInput input() {
        return new FrameInput(offence, accident, circumstances, history);
    }

    static String describe(FrameRange r) {
        return r.getSubject() + " " + r.getMin() + "-" + r.getMax() + " " + r.getBasis();
    }
}

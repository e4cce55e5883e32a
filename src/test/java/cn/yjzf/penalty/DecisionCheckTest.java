package cn.yjzf.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server refuses amounts beyond the statute whatever the page sends; deviations need a reason and are flagged. */
class DecisionCheckTest {

    private static ProposalResult proposal(FrameInput.CircumstanceSpec circumstances) {
        ProposalCalculatorTest.load();
        // 第一百零九条 首次: statute 5万–10万; 山西-style tier narrowed to 6万–8万 via a fixture table.
        DiscretionTable t = new DiscretionTable("t", "夹具", "某省应急管理厅", "夹具〔2024〕1号", "省", null,
                LocalDate.of(2021, 1, 1), null, true, "夹具", true, true, "测试夹具",
                List.of(new DiscretionTier(2, "AQF-109", 1, "一般", null, null, null, null, new AmountRange(60000, 80000), null, null, null, false)));
        ProposalRequest.ViolationRequest v = new ProposalRequest.ViolationRequest("AQF-109", "首次", null, null, null, null,
                null, false, false, false, false, false, null, circumstances, null);
        return ProposalCalculatorTest.calculator.calculate(new ProposalRequest(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1),
                List.of(v)), List.of(new ProposalCalculator.PublishedTable(t, "t#1")), List.of());
    }

    private static DecisionRequest choose(long amount, String reason, boolean mitigated) {
        return new DecisionRequest(0, List.of(new DecisionRequest.Choice(0, amount, null, reason, mitigated)));
    }

    private static List<String> codes(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::code).toList();
        }
        return List.of();
    }

    @Test
    void insideTheProposedRangeIsFree() {
        DecisionCheck.Checked c = DecisionCheck.check(proposal(null), choose(70000, null, false));
        assertThat(c.flagged()).isFalse();
    }

    @Test
    void outsideTheProposedRangeNeedsAReasonAndIsFlagged() {
        ProposalResult p = proposal(null);
        assertThat(codes(() -> DecisionCheck.check(p, choose(90000, null, false)))).containsExactly("REASON_REQUIRED");
        DecisionCheck.Checked c = DecisionCheck.check(p, choose(90000, "企业规模大、隐患多处", false));
        assertThat(c.flagged()).isTrue();
        assertThat(c.lines().get(0).flags()).singleElement().asString().contains("偏离建议区间");
    }

    @Test
    void theStatutoryMaximumAndMinimumAreHardEdges() {
        ProposalResult p = proposal(null);
        assertThat(DecisionCheck.check(p, choose(100000, "最高额", false)).flagged()).isTrue();
        assertThat(codes(() -> DecisionCheck.check(p, choose(100001, "理由", false)))).containsExactly("ABOVE_STATUTORY_MAX");
        assertThat(DecisionCheck.check(p, choose(50000, "最低额", false)).flagged()).isTrue();
        assertThat(codes(() -> DecisionCheck.check(p, choose(49999, "理由", false)))).containsExactly("BELOW_STATUTORY_MIN");
        // 减轻 without a 第三十二条 ground is refused too
        assertThat(codes(() -> DecisionCheck.check(p, choose(30000, "理由", true)))).containsExactly("BELOW_STATUTORY_MIN");
    }

    @Test
    void mitigationBelowTheMinimumNeedsAGroundAndAReason() {
        FrameInput.CircumstanceSpec eliminated = new FrameInput.CircumstanceSpec(false, false, false, false, false, false,
                false, true, false, false, false);
        ProposalResult p = proposal(eliminated);
        assertThat(codes(() -> DecisionCheck.check(p, choose(30000, null, true)))).containsExactly("REASON_REQUIRED");
        DecisionCheck.Checked c = DecisionCheck.check(p, choose(30000, "主动消除危害后果", true));
        assertThat(c.flagged()).isTrue();
        assertThat(c.lines().get(0).flags()).singleElement().asString().contains("减轻处罚");
        assertThat(codes(() -> DecisionCheck.check(p, choose(30000, "没选减轻", false)))).containsExactly("BELOW_STATUTORY_MIN");
    }

    @Test
    void noPenaltyCasesAndUnknownIndexesAreRefused() {
        FrameInput.CircumstanceSpec minor = new FrameInput.CircumstanceSpec(true, true, true, false, false, false, false,
                false, false, false, false);
        ProposalResult p = proposal(minor);
        assertThat(codes(() -> DecisionCheck.check(p, choose(60000, "理由", false)))).containsExactly("NO_PENALTY_REQUIRED");
        assertThat(DecisionCheck.check(p, choose(0, null, false)).flagged()).isFalse();
        assertThatThrownBy(() -> DecisionCheck.check(p, new DecisionRequest(0, List.of(new DecisionRequest.Choice(5, 1L, null, null, false)))))
                .isInstanceOf(InvalidInputException.class);
    }
}

package cn.yjzf.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.penalty.ProposalCalculator.PublishedTable;
import cn.yjzf.penalty.ProposalResult.Computation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proposals computed from the real frame rules, the default 基准 and fixture tables (no database). */
class ProposalCalculatorTest {

    static PenaltyRules rules;
    static ProposalCalculator calculator;

    static final LocalDate D2024 = LocalDate.of(2024, 6, 1);
    static final LocalDate D2025 = LocalDate.of(2025, 3, 1);

    @BeforeAll
    static void load() {
        rules = new PenaltyRules(new PenaltyRuleLoader().load(RuleFiles.fromDirectory(Path.of("rules"))));
        calculator = new ProposalCalculator(rules);
    }

    static ProposalRequest.ViolationRequest violation(String code, String stage, Long metric) {
        return new ProposalRequest.ViolationRequest(code, stage, null, null, metric, null, null, false, false, false, false,
                false, null, null, null);
    }

    static ProposalResult propose(List<PublishedTable> tables, ProposalRequest.ViolationRequest... vs) {
        return calculator.calculate(new ProposalRequest(D2024, D2025, List.of(vs)), tables, List.of());
    }

    /** Fixture: 山西 晋应急发〔2021〕260号, 第九十九条（一） by number of places (casework-facts §2; superseded, 🟡). */
    static PublishedTable shanxi99(LocalDate from, LocalDate to) {
        List<DiscretionTier> tiers = List.of(
                tier(2, "AQF-099-1", 1, "1处", 1L, 1L, r(10000, 10000), r(50000, 50000), null, r(5000, 5000)),
                tier(3, "AQF-099-1", 2, "2处", 2L, 2L, r(10000, 20000), r(50000, 80000), null, r(5000, 10000)),
                tier(4, "AQF-099-1", 3, "3处", 3L, 3L, r(20000, 30000), r(80000, 130000), null, r(10000, 20000)),
                tier(5, "AQF-099-1", 4, "4处", 4L, 4L, r(20000, 30000), r(130000, 170000), null, r(10000, 15000)),
                tier(6, "AQF-099-1", 5, "5处以上", 5L, null, r(30000, 50000), r(170000, 200000), null, r(15000, 20000)));
        return new PublishedTable(new DiscretionTable("shanxi-2021", "山西省适用《安全生产法》行政处罚自由裁量基准（测试夹具，已失效，🟡）",
                "山西省应急管理厅", "晋应急发〔2021〕260号", "省", "山西省", from, to, true, "山西省应急管理厅 晋应急发〔2021〕260号（夹具）",
                true, true, "casework-facts §2（二手转载，已被国家基准取代）", tiers), "shanxi-2021#test");
    }

    static DiscretionTier tier(int line, String code, int order, String label, Long min, Long max, AmountRange unit,
            AmountRange unitOverdue, AmountRange person, AmountRange personOverdue) {
        return new DiscretionTier(line, code, order, label, "处数", min, max, null, unit, unitOverdue, person, personOverdue, false);
    }

    static AmountRange r(long min, long max) {
        return new AmountRange(min, max);
    }

    @Test
    void theDefaultTableGivesTheStatutoryRangeAndSaysItIsNotOfficial() {
        ProposalResult p = propose(List.of(), violation("AQF-099-1", "首次", null));
        Computation c = p.violations().get(0).appliedComputation();
        assertThat(c.tableLabel()).isEqualTo("系统默认（非官方基准）");
        assertThat(c.officialTable()).isFalse();
        assertThat(c.unitRange().min()).isZero();
        assertThat(c.unitRange().max()).isEqualTo(50000);
        assertThat(c.suggestedUnit()).isEqualTo(25000);
        assertThat(c.personRange()).isNull();
        assertThat(c.ruleSet()).startsWith("anquanfa-2021@1.0.0#sha256:");
        assertThat(c.citations()).contains("违法依据：《安全生产法》第三十五条", "处罚依据：《安全生产法》第九十九条第（一）项");
        assertThat(c.firedRules()).contains("AQF2021-099-first");
        assertThat(c.reasons()).anyMatch(s -> s.contains("系统默认（非官方基准）"));
    }

    @Test
    void anOfficialTierNarrowsTheRangeByItsQuantity() {
        PublishedTable shanxi = shanxi99(LocalDate.of(2021, 1, 1), null);
        Computation two = propose(List.of(shanxi), violation("AQF-099-1", "首次", 2L)).violations().get(0).appliedComputation();
        assertThat(two.unitRange().min()).isEqualTo(10000);
        assertThat(two.unitRange().max()).isEqualTo(20000);
        assertThat(two.suggestedUnit()).isEqualTo(15000);
        assertThat(two.tier()).isEqualTo("处数 ≥ 2 且 ≤ 2");
        Computation six = propose(List.of(shanxi), violation("AQF-099-1", "逾期未改正", 6L)).violations().get(0).appliedComputation();
        assertThat(six.unitRange().min()).isEqualTo(170000);
        assertThat(six.unitRange().max()).isEqualTo(200000);
        assertThat(six.personRange().min()).isEqualTo(15000);
        assertThat(six.personRange().max()).isEqualTo(20000);
    }

    @Test
    void boundInclusivityIsATableSetting() {
        // 第九十七条（四） by share of staff: <10% / 10–30%. With 以下不含本数 10% is the second tier; with 以下含本数 the first.
        List<DiscretionTier> tiers = List.of(
                new DiscretionTier(2, "AQF-097-4", 1, "10%以下", "人数比例%", null, 10L, null, r(0, 30000), r(100000, 130000), null, r(20000, 20000), false),
                new DiscretionTier(3, "AQF-097-4", 2, "10%以上30%以下", "人数比例%", 10L, 30L, null, r(30000, 70000), r(130000, 170000), null, null, false));
        DiscretionTable exclusive = new DiscretionTable("t", "夹具", "山西省应急管理厅", "晋应急发〔2021〕260号", "省", null,
                LocalDate.of(2021, 1, 1), null, true, "夹具", true, false, "casework-facts §2", tiers);
        DiscretionTable inclusive = new DiscretionTable("t", "夹具", "山西省应急管理厅", "晋应急发〔2021〕260号", "省", null,
                LocalDate.of(2021, 1, 1), null, true, "夹具", true, true, "casework-facts §2", tiers);
        Computation ex = propose(List.of(new PublishedTable(exclusive, "x")), violation("AQF-097-4", "首次", 10L)).violations().get(0).appliedComputation();
        Computation in = propose(List.of(new PublishedTable(inclusive, "i")), violation("AQF-097-4", "首次", 10L)).violations().get(0).appliedComputation();
        assertThat(ex.unitRange().min()).isEqualTo(30000);
        assertThat(in.unitRange().max()).isEqualTo(30000);
        Computation nine = propose(List.of(new PublishedTable(exclusive, "x")), violation("AQF-097-4", "首次", 9L)).violations().get(0).appliedComputation();
        assertThat(nine.unitRange().max()).isEqualTo(30000);
    }

    @Test
    void fromOldAndLighterNew_bothComputationsAreKeptAndTheLighterApplies() {
        PublishedTable old = shanxi99(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31));
        DiscretionTable lighter = new DiscretionTable("new", "新基准（夹具）", "某省应急管理厅", "夹具〔2025〕1号", "省", null,
                LocalDate.of(2025, 1, 1), null, true, "新基准（夹具）", true, true, "测试夹具",
                List.of(tier(2, "AQF-099-1", 1, "1处", 1L, 1L, r(0, 5000), null, null, null),
                        tier(3, "AQF-099-1", 2, "2处", 2L, 2L, r(5000, 8000), null, null, null)));
        ProposalResult p = propose(List.of(old, new PublishedTable(lighter, "new#2")), violation("AQF-099-1", "首次", 2L));
        ProposalResult.ViolationProposal v = p.violations().get(0);
        assertThat(v.atViolationDate().table()).isEqualTo("shanxi-2021#test");
        assertThat(v.atViolationDate().suggestedUnit()).isEqualTo(15000);
        assertThat(v.atDecisionDate().table()).isEqualTo("new#2");
        assertThat(v.atDecisionDate().suggestedUnit()).isEqualTo(6500);
        assertThat(v.applied()).isEqualTo("decisionDate");
        assertThat(v.appliedReason()).contains("第三十七条").contains("较轻");

        DiscretionTable heavier = lighter.withTiers(List.of(tier(2, "AQF-099-1", 1, "2处", 2L, 2L, r(30000, 50000), null, null, null)));
        ProposalResult q = propose(List.of(old, new PublishedTable(heavier, "new#3")), violation("AQF-099-1", "首次", 2L));
        assertThat(q.violations().get(0).applied()).isEqualTo("violationDate");
        assertThat(q.violations().get(0).appliedComputation().suggestedUnit()).isEqualTo(15000);
    }

    @Test
    void accidentBoundariesFollow493() {
        ProposalRequest.ViolationRequest v = new ProposalRequest.ViolationRequest("AQF-114", null, null, null, null, null, null,
                false, false, false, false, false, new ProposalRequest.AccidentInput(3, 0, 0), null, null);
        Computation c = propose(List.of(), v).violations().get(0).appliedComputation();
        assertThat(c.accidentLevel()).isEqualTo("较大事故");
        assertThat(c.unitRange().min()).isEqualTo(1_000_000);
        assertThat(c.unitRange().max()).isEqualTo(2_000_000);
        assertThat(c.reasons()).anyMatch(s -> s.contains("“以上”含本数"));
    }

    @Test
    void incomePercentagesAndIllegalIncomeMultiplesResolveToYuan() {
        ProposalRequest.ViolationRequest principal = new ProposalRequest.ViolationRequest("AQF-095", null, null, null, null,
                500000L, null, true, false, false, false, false, new ProposalRequest.AccidentInput(0, 10, 0), null, null);
        Computation c = propose(List.of(), principal).violations().get(0).appliedComputation();
        assertThat(c.personRange().min()).isEqualTo(300000);
        assertThat(c.personRange().max()).isEqualTo(300000);
        ProposalRequest.ViolationRequest leasing = new ProposalRequest.ViolationRequest("AQF-103-1", null, null, null, null,
                null, 200000L, false, false, false, false, false, null, null, null);
        Computation l = propose(List.of(), leasing).violations().get(0).appliedComputation();
        assertThat(l.unitRange().min()).isEqualTo(400000);
        assertThat(l.unitRange().max()).isEqualTo(1_000_000);
        assertThat(l.measures()).anyMatch(m -> m.startsWith("没收违法所得"));
    }

    @Test
    void oneActUnderSeveralProvisionsIsFinedOnceAtTheHigherFine() {
        ProposalRequest.ViolationRequest a = new ProposalRequest.ViolationRequest("AQF-102", "首次", "同一行为", null, null, null,
                null, false, false, false, false, false, null, null, null);
        ProposalRequest.ViolationRequest b = new ProposalRequest.ViolationRequest("AQF-097-7", "首次", "同一行为", null, null, null,
                null, false, false, false, false, false, null, null, null);
        ProposalRequest.ViolationRequest other = violation("AQF-099-1", "首次", null);
        ProposalResult p = propose(List.of(), a, b, other);
        assertThat(p.violations().get(0).combinedAway()).isTrue();
        assertThat(p.violations().get(0).combinationNote()).contains("第二十九条");
        assertThat(p.violations().get(1).combinedAway()).isFalse();
        assertThat(p.totalUnitFine()).isEqualTo(50000 + 25000);
        assertThat(p.notes()).anyMatch(n -> n.contains("分别裁量、合并处罚"));
    }

    @Test
    void thresholdsAreDataAndUnknownOnesSayNotConfigured() {
        ProposalResult none = propose(List.of(), violation("AQF-099-1", "首次", null));
        assertThat(none.thresholds()).allMatch(t -> t.outcome().equals("未配置")).hasSize(8);
        PenaltyThreshold hearing = new PenaltyThreshold(1L, "听证", "单位", 25000, true, LocalDate.of(2020, 1, 1), null, "测试数据");
        ProposalResult some = calculator.calculate(new ProposalRequest(D2024, D2025, List.of(violation("AQF-099-1", "首次", null))),
                List.of(), List.of(hearing));
        assertThat(some.thresholds()).anyMatch(t -> t.purpose().equals("听证") && t.subjectType().equals("单位")
                && t.outcome().startsWith("达到") && t.source().equals("测试数据"));
        ProposalResult suspension = propose(List.of(), violation("AQF-097-1", "逾期未改正", null));
        assertThat(suspension.thresholds()).anyMatch(t -> t.source().contains("第六十三条第一款第（四）项"));
    }

    @Test
    void noPenaltyAndMitigationFollowTheAdministrativePenaltyLaw() {
        FrameInput.CircumstanceSpec minor = new FrameInput.CircumstanceSpec(true, true, true, false, false, false, false, false, false, false, false);
        ProposalRequest.ViolationRequest v = new ProposalRequest.ViolationRequest("AQF-097-5", "首次", null, null, null, null,
                null, false, false, false, false, false, null, minor, null);
        Computation c = propose(List.of(), v).violations().get(0).appliedComputation();
        assertThat(c.discretion()).isEqualTo("不予行政处罚");
        assertThat(c.suggestedUnit()).isZero();
        FrameInput.CircumstanceSpec confessed = new FrameInput.CircumstanceSpec(false, false, false, false, false, false, false, false, false, true, false);
        ProposalRequest.ViolationRequest w = new ProposalRequest.ViolationRequest("AQF-109", "首次", null, null, null, null,
                null, false, false, false, false, false, null, confessed, null);
        Computation d = propose(List.of(), w).violations().get(0).appliedComputation();
        assertThat(d.discretion()).isEqualTo("应当从轻或者减轻行政处罚");
        assertThat(d.suggestedUnit()).isEqualTo(50000);
    }

    @Test
    void badRequestsNameTheField() {
        ProposalRequest bad = new ProposalRequest(D2025, D2024, List.of(violation("AQF-999", null, null),
                violation("AQF-099-1", "拒不执行", null), violation("AQF-100", null, null),
                new ProposalRequest.ViolationRequest("AQF-114", null, null, null, null, null, null, false, false, false,
                        false, false, null, null, null)));
        assertThatThrownBy(() -> calculator.calculate(bad, List.of(), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("decisionDate", "DATE_ORDER"),
                                org.assertj.core.groups.Tuple.tuple("violations[0].violationCode", "UNKNOWN_VIOLATION"),
                                org.assertj.core.groups.Tuple.tuple("violations[1].stage", "INVALID_STAGE"),
                                org.assertj.core.groups.Tuple.tuple("violations[2].violationCode", "FRAME_NOT_ENCODED"),
                                org.assertj.core.groups.Tuple.tuple("violations[3].accident", "ACCIDENT_REQUIRED")));
        ProposalRequest tooEarly = new ProposalRequest(LocalDate.of(2020, 1, 1), D2025, List.of(violation("AQF-099-1", null, null)));
        assertThatThrownBy(() -> calculator.calculate(tooEarly, List.of(), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("NO_LAW_IN_FORCE"));
    }
}

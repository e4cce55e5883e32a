package cn.yjzf.penalty;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.penalty.facts.Discretion;
import cn.yjzf.penalty.facts.FrameRange;
import cn.yjzf.penalty.ProposalResult.Computation;
import cn.yjzf.penalty.ProposalResult.Range;
import cn.yjzf.penalty.ProposalResult.ViolationProposal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes a proposal without touching the database: for each violation, once under the law and 基准 in force on the
 * violation date and once under those in force on the decision date (行政处罚法第三十七条, the lighter applies); then
 * several violations are combined (分别裁量、合并处罚; 第二十九条 for one act under several provisions).
 */
public final class ProposalCalculator {

    /** A published 基准 table with the reference proposals record. */
    public record PublishedTable(DiscretionTable table, String ref) {
    }

    static final String VIOLATION_DATE = "violationDate";
    static final String DECISION_DATE = "decisionDate";

    private final PenaltyRules rules;

    public ProposalCalculator(PenaltyRules rules) {
        this.rules = rules;
    }

    public ProposalResult calculate(ProposalRequest request, List<PublishedTable> tables, List<PenaltyThreshold> thresholds) {
        PenaltyRules.Snapshot rules = this.rules.snapshot(); // one version for the whole proposal
        validate(rules, request);
        List<ViolationProposal> proposals = new ArrayList<>();
        for (int i = 0; i < request.violations().size(); i++) {
            ProposalRequest.ViolationRequest v = request.violations().get(i);
            Violation violation = rules.current().set().violation(v.violationCode()).orElseThrow();
            Computation old = compute(rules, v, request.violationDate(), tables);
            Computation now = compute(rules, v, request.decisionDate(), tables);
            boolean newer = lighter(now, old);
            String why = newer
                    ? "决定日施行的规定处罚较轻，依照《行政处罚法》第三十七条适用新的规定"
                    : "适用违法行为发生时的规定（《行政处罚法》第三十七条）" + (same(old, now) ? "；两次计算结果相同" : "；决定日的规定不轻于行为时");
            proposals.add(new ViolationProposal(i, violation.code(), violation.title(), "《安全生产法》" + violation.duty(),
                    "《安全生产法》" + violation.penalty(), old, now, newer ? DECISION_DATE : VIOLATION_DATE, why, false, null));
        }
        proposals = combine(request, proposals);
        long total = proposals.stream().filter(p -> !p.combinedAway())
                .mapToLong(p -> Optional.ofNullable(p.appliedComputation().suggestedUnit()).orElse(0L)).sum();
        long maxPerson = proposals.stream().filter(p -> !p.combinedAway())
                .mapToLong(p -> Optional.ofNullable(p.appliedComputation().suggestedPerson()).orElse(0L)).max().orElse(0);
        Set<String> measures = proposals.stream().filter(p -> !p.combinedAway())
                .flatMap(p -> p.appliedComputation().measures().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> notes = new ArrayList<>();
        if (proposals.size() > 1) {
            notes.add("共 " + proposals.size() + " 项违法行为，分别裁量、合并处罚；单位罚款建议合计 " + AmountRange.yuan(total));
        }
        return new ProposalResult(null, 0, List.copyOf(proposals), total,
                thresholds(thresholds, request.decisionDate(), total, maxPerson, measures), notes, rules.version());
    }

    private static void validate(PenaltyRules.Snapshot rules, ProposalRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.decisionDate().isBefore(request.violationDate())) {
            problems.add(new FieldProblem("decisionDate", "DATE_ORDER", "决定日期不能早于违法行为发生日期"));
        }
        if (rules.inForceOn(request.violationDate()).isEmpty()) {
            problems.add(new FieldProblem("violationDate", "NO_LAW_IN_FORCE",
                    "违法行为发生日期没有已编码的施行中法律罚则（" + rules.current().set().manifest().name() + " 自 "
                            + rules.current().set().manifest().effectiveFrom() + " 起），须人工确定"));
        }
        Map<String, Violation> catalogue = rules.current().set().byCode();
        for (int i = 0; i < request.violations().size(); i++) {
            ProposalRequest.ViolationRequest v = request.violations().get(i);
            String at = "violations[" + i + "].";
            Violation known = catalogue.get(v.violationCode());
            if (known == null) {
                problems.add(new FieldProblem(at + "violationCode", "UNKNOWN_VIOLATION", "违法行为库中没有「" + v.violationCode() + "」"));
                continue;
            }
            if (known.frame() == null) {
                problems.add(new FieldProblem(at + "violationCode", "FRAME_NOT_ENCODED", known.penalty() + "：" + known.gap()));
            }
            if (v.stage() != null && !known.stages().contains(v.stage())) {
                problems.add(new FieldProblem(at + "stage", "INVALID_STAGE", "该违法行为的阶段只能是 " + String.join("、", known.stages())));
            }
            if ((known.accident() || "114".equals(known.frame())) && v.accident() == null) {
                problems.add(new FieldProblem(at + "accident", "ACCIDENT_REQUIRED", "须录入事故的死亡、重伤人数和直接经济损失"));
            }
            if (needsIncome(known, v) && v.annualIncome() == null) {
                problems.add(new FieldProblem(at + "annualIncome", "ANNUAL_INCOME_REQUIRED", "须录入责任人上一年年收入"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean needsIncome(Violation known, ProposalRequest.ViolationRequest v) {
        return "95".equals(known.frame()) || "110".equals(known.frame()) || ("96".equals(known.frame()) && v.causedAccident());
    }

    Computation compute(PenaltyRules.Snapshot rules, ProposalRequest.ViolationRequest v, LocalDate date, List<PublishedTable> tables) {
        PenaltyRules.Loaded family = rules.inForceOn(date).orElse(null);
        if (family == null) {
            return new Computation(date, null, null, null, false, null, null, List.of(), null, null, null, null, null,
                    List.of(), List.of(), List.of(), List.of("该日期没有已编码的施行中法律罚则，须人工确定"), List.of());
        }
        Violation violation = family.set().violation(v.violationCode()).orElseThrow();
        String stage = v.stage() == null ? violation.stages().get(0) : v.stage();
        PublishedTable table = tableFor(violation.code(), date, tables, family);
        List<DiscretionTier> tiers = table.table().tiersOf(violation.code());
        FrameInput.CircumstanceSpec circumstances = v.circumstances();
        boolean listed = tiers.stream().anyMatch(DiscretionTier::firstOffenceList);
        if (circumstances != null) {
            circumstances = circumstances.withFirstOffenceList(listed);
        }
        FrameResult frame = this.rules.engine().evaluate(family.set(), new FrameInput(
                new FrameInput.OffenceSpec(violation.frame(), stage, v.causedAccident(), v.illegalIncome(),
                        v.seriousCircumstances(), v.especiallySerious(), v.absconded(), v.finedAndStillUncorrected()),
                v.accident() == null ? null : new FrameInput.AccidentSpec(v.accident().deaths(), v.accident().seriousInjuries(),
                        v.accident().directLoss()),
                circumstances, v.history()));
        List<String> reasons = new ArrayList<>();
        List<Range> statutory = new ArrayList<>();
        for (FrameRange r : frame.ranges()) {
            Range resolved = resolve(r, v, reasons);
            if (resolved != null) {
                statutory.add(resolved);
            }
        }
        if (frame.accidentLevel() != null) {
            reasons.add("依照《生产安全事故报告和调查处理条例》第三条（“以上”含本数、“以下”不含本数），本事故为" + frame.accidentLevel());
        }
        boolean overdue = !stage.equals(violation.stages().get(0));
        reasons.add("违法行为：" + violation.title() + "（违反《安全生产法》" + violation.duty() + "，依照" + violation.penalty()
                + "处罚），阶段：" + stage);
        DiscretionTier tier = null;
        if (!tiers.isEmpty()) {
            List<DiscretionTier> matching = tiers.stream()
                    .filter(t -> t.matches(v.metricValue(), table.table().lowerInclusive(), table.table().upperInclusive()))
                    .sorted(Comparator.comparingInt(DiscretionTier::order)).toList();
            if (matching.isEmpty()) {
                reasons.add("基准「" + table.table().name() + "」有 " + tiers.size() + " 个阶次，但"
                        + (v.metricValue() == null ? "未录入量化指标值" : "量化指标值 " + v.metricValue() + " 不属于任何阶次")
                        + "：按法定幅度提出建议");
            } else {
                tier = matching.get(0);
                reasons.add("依照基准「" + table.table().name() + "」（" + table.table().label() + "），适用阶次「"
                        + (tier.label() == null ? "第" + tier.order() + "阶次" : tier.label()) + "」："
                        + tier.conditionText(table.table().lowerInclusive(), table.table().upperInclusive()));
            }
        }
        Range unitStatute = statutory.stream().filter(r -> r.subject().equals(FrameRange.UNIT)).findFirst().orElse(null);
        Range personStatute = statutory.stream().filter(r -> !r.subject().equals(FrameRange.UNIT)).findFirst().orElse(null);
        Range unitRange = narrow(unitStatute, tier == null ? null : tier.unitFor(overdue));
        Range personRange = narrow(personStatute, tier == null ? null : tier.personFor(overdue));
        String discretion = null;
        Long suggestedUnit = suggest(unitRange, frame);
        Long suggestedPerson = suggest(personRange, frame);
        if (frame.noPenalty()) {
            discretion = Discretion.NO_PENALTY;
            suggestedUnit = unitRange == null ? null : 0L;
            suggestedPerson = personRange == null ? null : 0L;
            reasons.add("符合《行政处罚法》第三十三条不予行政处罚的情形：建议不予行政处罚，并对当事人进行教育");
        } else if (frame.mayWaive()) {
            discretion = Discretion.MAY_WAIVE;
            reasons.add("初次违法且危害后果轻微并及时改正，且在基准的首违不罚清单中：可以不予行政处罚（《行政处罚法》第三十三条第一款），由执法人员决定");
        } else if (frame.lighterOrMitigated()) {
            discretion = Discretion.LIGHTER_OR_MITIGATED;
            reasons.add("有《行政处罚法》第三十二条规定的情形：应当从轻或者减轻处罚。建议取阶次下限；减轻（低于法定最低额）须在决定时写明理由");
        }
        if (suggestedUnit != null || suggestedPerson != null) {
            reasons.add("建议金额取" + (Discretion.LIGHTER_OR_MITIGATED.equals(discretion) ? "阶次区间下限" : "阶次区间中值（取整到百元）")
                    + "，为系统建议而非法定规则，执法人员可在区间内确定");
        }
        List<String> citations = new ArrayList<>();
        citations.add("违法依据：《安全生产法》" + violation.duty());
        citations.add("处罚依据：《安全生产法》" + violation.penalty());
        for (String c : frame.ranges().stream().map(r -> r.getCitation().text()).distinct().toList()) {
            citations.add("法定幅度：" + c);
        }
        frame.discretions().forEach(d -> citations.add("裁量：" + d.getCitation().text() + d.getCitation().item()));
        frame.flags().forEach(f -> citations.add("提示：" + f.getCitation().text()));
        return new Computation(date, family.set().ref(), table.ref(), table.table().label(), table.table().official(),
                frame.accidentLevel(), tier == null ? null : tier.conditionText(table.table().lowerInclusive(),
                        table.table().upperInclusive()),
                List.copyOf(statutory), unitRange, personRange, suggestedUnit, suggestedPerson, discretion,
                frame.measures().stream().map(m -> m.getText() + "（" + m.getCitation().text() + "）").distinct().toList(),
                frame.flags().stream().map(f -> f.getCode() + "：" + f.getText() + "（" + f.getCitation().text() + f.getCitation().item() + "）").toList(),
                List.copyOf(citations), List.copyOf(reasons), frame.firedRules());
    }

    /** Yuan range for a statutory range: percentages of 上一年年收入 and multiples of 违法所得 need the officer's figures. */
    private static Range resolve(FrameRange r, ProposalRequest.ViolationRequest v, List<String> reasons) {
        String citation = r.getCitation().text() + r.getCitation().item();
        return switch (r.getBasis()) {
            case FrameRange.YUAN -> new Range(r.getSubject(), r.getMin(), r.getMax(), new AmountRange(r.getMin(), r.getMax()).text(), citation);
            case FrameRange.INCOME_PERCENT -> {
                long income = v.annualIncome() == null ? 0 : v.annualIncome();
                long min = Math.round(income * r.getMin() / 100.0);
                long max = Math.round(income * r.getMax() / 100.0);
                reasons.add(r.getSubject() + "：上一年年收入 " + AmountRange.yuan(income) + " 的百分之" + r.getMin()
                        + (r.getMin() == r.getMax() ? "" : "至百分之" + r.getMax()) + "（" + citation + "）");
                yield new Range(r.getSubject(), min, max, new AmountRange(min, max).text(), citation);
            }
            case FrameRange.ILLEGAL_INCOME_MULTIPLE -> {
                long income = v.illegalIncome() == null ? 0 : v.illegalIncome();
                reasons.add(r.getSubject() + "：没收违法所得 " + AmountRange.yuan(income) + "，并处违法所得" + r.getMin() + "倍以上"
                        + r.getMax() + "倍以下罚款（" + citation + "）");
                yield new Range(r.getSubject(), income * r.getMin(), income * r.getMax(),
                        new AmountRange(income * r.getMin(), income * r.getMax()).text(), citation);
            }
            default -> null;
        };
    }

    /** The tier's range, never wider than the statute's (the import check already refuses wider tiers). */
    private static Range narrow(Range statute, AmountRange tier) {
        if (statute == null) {
            return null;
        }
        if (tier == null) {
            return statute;
        }
        long min = Math.max(statute.min(), tier.min());
        long max = Math.min(statute.max(), tier.max());
        if (min > max) {
            return statute; // the tier speaks of another reading of the frame (e.g. without 违法所得): the statute governs
        }
        return new Range(statute.subject(), min, max, new AmountRange(min, max).text(), statute.citation());
    }

    private static Long suggest(Range r, FrameResult frame) {
        if (r == null) {
            return null;
        }
        if (frame.lighterOrMitigated()) {
            return r.min();
        }
        long mid = (r.min() + r.max()) / 2;
        return Math.max(r.min(), Math.min(r.max(), mid / 100 * 100));
    }

    /** The most local published table valid on the date that has tiers for the violation; else the system default. */
    private static PublishedTable tableFor(String code, LocalDate date, List<PublishedTable> tables, PenaltyRules.Loaded family) {
        return tables.stream()
                .filter(t -> t.table().validOn(date) && !t.table().tiersOf(code).isEmpty())
                .max(Comparator.comparingInt((PublishedTable t) -> t.table().scopeRank()).thenComparing(t -> t.table().validFrom()))
                .orElseGet(() -> new PublishedTable(family.defaultTable(), family.defaultTable().code()));
    }

    /** 第三十七条: the decision-date computation applies only when it is lighter. */
    static boolean lighter(Computation now, Computation old) {
        if (now.ruleSet() == null || old.ruleSet() == null) {
            return false;
        }
        int byAmount = Long.compare(total(now), total(old));
        if (byAmount != 0) {
            return byAmount < 0;
        }
        long nowMax = now.unitRange() == null ? 0 : now.unitRange().max();
        long oldMax = old.unitRange() == null ? 0 : old.unitRange().max();
        return nowMax < oldMax;
    }

    private static boolean same(Computation a, Computation b) {
        return total(a) == total(b) && java.util.Objects.equals(a.unitRange(), b.unitRange())
                && java.util.Objects.equals(a.personRange(), b.personRange());
    }

    private static long total(Computation c) {
        return Optional.ofNullable(c.suggestedUnit()).orElse(0L) + Optional.ofNullable(c.suggestedPerson()).orElse(0L);
    }

    /** 第二十九条: within one act, only the provision with the highest fine is applied. */
    private static List<ViolationProposal> combine(ProposalRequest request, List<ViolationProposal> proposals) {
        List<ViolationProposal> out = new ArrayList<>(proposals);
        Map<String, List<ViolationProposal>> byAct = proposals.stream()
                .filter(p -> request.violations().get(p.index()).act() != null && !request.violations().get(p.index()).act().isBlank())
                .collect(Collectors.groupingBy(p -> request.violations().get(p.index()).act()));
        byAct.forEach((act, group) -> {
            if (group.size() < 2) {
                return;
            }
            ViolationProposal kept = group.stream().max(Comparator
                    .comparingLong((ViolationProposal p) -> Optional.ofNullable(p.appliedComputation().suggestedUnit()).orElse(0L))
                    .thenComparing(p -> p.appliedComputation().unitRange() == null ? 0 : p.appliedComputation().unitRange().max())
                    .thenComparing(p -> -p.index())).orElseThrow();
            for (ViolationProposal p : group) {
                boolean away = p != kept;
                String note = away
                        ? "与第 " + (kept.index() + 1) + " 项为同一违法行为（" + act + "），依照《行政处罚法》第二十九条按罚款数额高的规定处罚，本项不另行罚款"
                        : "同一违法行为违反多个规定（" + act + "），本项罚款数额高，依照《行政处罚法》第二十九条适用本项";
                out.set(p.index(), new ViolationProposal(p.index(), p.violationCode(), p.title(), p.dutyArticle(),
                        p.penaltyArticle(), p.atViolationDate(), p.atDecisionDate(), p.applied(), p.appliedReason(), away, note));
            }
        });
        return out;
    }

    private static List<ProposalResult.ThresholdCheck> thresholds(List<PenaltyThreshold> configured, LocalDate date,
            long unitTotal, long maxPerson, Set<String> measures) {
        List<ProposalResult.ThresholdCheck> checks = new ArrayList<>();
        boolean suspension = measures.stream().anyMatch(m -> m.contains("停产停业") || m.contains("关闭"));
        boolean revocation = measures.stream().anyMatch(m -> m.contains("吊销"));
        if (suspension) {
            checks.add(new ProposalResult.ThresholdCheck("听证", "措施", "应当告知听证权利：拟责令停产停业",
                    "《行政处罚法》第六十三条第一款第（四）项"));
        }
        if (revocation) {
            checks.add(new ProposalResult.ThresholdCheck("听证", "措施", "应当告知听证权利：拟吊销许可证件",
                    "《行政处罚法》第六十三条第一款第（三）项"));
        }
        for (String purpose : PenaltyThreshold.PURPOSES) {
            for (String subject : List.of("单位", "个人")) {
                long amount = subject.equals("单位") ? unitTotal : maxPerson;
                List<PenaltyThreshold> t = configured.stream()
                        .filter(x -> x.getPurpose().equals(purpose) && x.getSubjectType().equals(subject) && x.validOn(date)).toList();
                if (t.isEmpty()) {
                    checks.add(new ProposalResult.ThresholdCheck(purpose, subject, "未配置", "本机关未配置该日期适用的" + purpose + "金额标准，须人工判断"));
                    continue;
                }
                PenaltyThreshold th = t.get(0);
                boolean reached = th.reachedBy(amount);
                checks.add(new ProposalResult.ThresholdCheck(purpose, subject,
                        (reached ? "达到" : "未达到") + "（" + AmountRange.yuan(amount) + (th.isInclusive() ? " 对照 ≥ " : " 对照 > ")
                                + AmountRange.yuan(th.getAmount()) + "）", th.getSource()));
            }
        }
        return checks;
    }
}

package cn.yjzf.penalty;

import cn.yjzf.judgment.FamilyValidation;
import cn.yjzf.judgment.RuleFamily;
import cn.yjzf.judgment.RuleFiles;

/**
 * The penalty frame families ({@code rules/penalty/}) as released with the other rules: compiled by
 * {@link PenaltyRuleLoader} (allowlist first, {@code 文件:行号}) and gated by {@link PenaltyValidator} (every scenario,
 * citation metadata, firing and near-miss scenario per rule, a frame or named gap per catalogue entry). Found by the
 * sandbox child through {@code META-INF/services}.
 */
public final class PenaltyFamily implements RuleFamily<PenaltyRules.Families> {

    @Override
    public String id() {
        return "penalty";
    }

    @Override
    public String title() {
        return "处罚裁量规则";
    }

    @Override
    public String root() {
        return PenaltyRuleLoader.ROOT;
    }

    @Override
    public PenaltyRules.Families compile(RuleFiles files) {
        return PenaltyRules.Families.of(new PenaltyRuleLoader().load(files));
    }

    @Override
    public FamilyValidation<PenaltyRules.Families> validate(RuleFiles files) {
        PenaltyValidation v = new PenaltyValidator().validate(files);
        return new FamilyValidation<>(id(), v.problems(),
                v.results().stream().map(r -> new FamilyValidation.Scenario(r.file(), r.name(), r.failures())).toList(),
                v.coverage().stream().map(PenaltyValidation.Coverage::summary).toList(),
                v.sets().isEmpty() && !v.problems().isEmpty() ? null : PenaltyRules.Families.of(v.sets()));
    }
}

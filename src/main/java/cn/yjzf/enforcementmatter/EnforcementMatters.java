package cn.yjzf.enforcementmatter;

import cn.yjzf.organisation.EnforcementMatterCatalogue;
import cn.yjzf.penalty.PenaltyRules;
import cn.yjzf.penalty.Violation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The enforcement-matter catalogue: 行政检查 first, then one penalty matter per entry of the penalty module's 违法行为库
 * (the rule set in force), keyed by its violation code, so that a 委托书 / 赋权 decision, a case's matter and a penalty
 * proposal all speak of the same thing.
 */
@Component
class EnforcementMatters implements EnforcementMatterCatalogue {

    static final Matter INSPECTION_MATTER = new Matter(INSPECTION, "行政检查（含责令改正、现场处理措施）",
            "安全生产法第六十五条");

    private final PenaltyRules rules;

    EnforcementMatters(PenaltyRules rules) {
        this.rules = rules;
    }

    @Override
    public List<Matter> all() {
        List<Matter> all = new ArrayList<>();
        all.add(INSPECTION_MATTER);
        for (Violation v : rules.current().set().violations()) {
            all.add(new Matter(v.code(), "行政处罚：" + v.title(), "安全生产法" + v.penalty()));
        }
        return all;
    }
}

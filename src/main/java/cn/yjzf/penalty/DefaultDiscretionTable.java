package cn.yjzf.penalty;

import java.util.ArrayList;
import java.util.List;

/**
 * The 基准 used where no official table is published: one tier per violation whose ranges are exactly the statute's.
 * The national table (应急〔2024〕90号) and 令第12号's banding rules were not obtained, so nothing narrower is invented;
 * the label says so on every proposal.
 */
public final class DefaultDiscretionTable {

    public static final String CODE = "system-default";

    private DefaultDiscretionTable() {
    }

    public static DiscretionTable build(StatutoryFrame frame) {
        PenaltyRuleSet set = frame.set();
        List<DiscretionTier> tiers = new ArrayList<>();
        for (Violation v : set.violations()) {
            if (v.frame() == null) {
                continue;
            }
            if (v.accident() || v.illegalIncome()) {
                // ranges depend on the case's accident level or 违法所得: the tier defers to the statute
                tiers.add(new DiscretionTier(0, v.code(), 1, "法定幅度", null, null, null, "按法定幅度（随事故等级或违法所得确定）",
                        null, null, null, null, false));
                continue;
            }
            StatutoryFrame.Bounds first = frame.bounds(v, v.stages().get(0));
            String escalation = StatutoryFrame.escalation(v);
            StatutoryFrame.Bounds later = escalation == null ? null : frame.bounds(v, escalation);
            tiers.add(new DiscretionTier(0, v.code(), 1, "法定幅度", null, null, null, "按法定幅度（未细化）",
                    first.unit(), later == null ? null : later.unit(), first.person(), later == null ? null : later.person(),
                    false));
        }
        return new DiscretionTable(CODE + "@" + set.manifest().id() + "@" + set.manifest().version(),
                DiscretionTable.DEFAULT_LABEL + "：" + set.manifest().name(), "本系统", "无（非官方）", "全国", null,
                set.manifest().effectiveFrom(), set.manifest().effectiveTo(), false, DiscretionTable.DEFAULT_LABEL, true,
                true, "由法定幅度生成（" + set.ref() + "）；应急〔2024〕90号国家基准与令第12号分档规则未取得", tiers);
    }
}

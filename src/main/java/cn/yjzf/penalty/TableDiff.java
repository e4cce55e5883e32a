package cn.yjzf.penalty;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Differences between two 基准 versions, per violation and tier order, in words a reviewer reads. */
public final class TableDiff {

    public record Change(String violationCode, String kind, String before, String after) {
    }

    private TableDiff() {
    }

    public static List<Change> between(DiscretionTable older, DiscretionTable newer) {
        Set<String> codes = new LinkedHashSet<>();
        older.tiers().forEach(t -> codes.add(t.violationCode()));
        newer.tiers().forEach(t -> codes.add(t.violationCode()));
        List<Change> changes = new ArrayList<>();
        for (String code : codes) {
            List<DiscretionTier> a = older.tiersOf(code);
            List<DiscretionTier> b = newer.tiersOf(code);
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                String before = i < a.size() ? describe(a.get(i), older) : null;
                String after = i < b.size() ? describe(b.get(i), newer) : null;
                if (!Objects.equals(before, after)) {
                    changes.add(new Change(code, before == null ? "新增" : after == null ? "删除" : "修改", before, after));
                }
            }
        }
        return changes;
    }

    static String describe(DiscretionTier t, DiscretionTable table) {
        return (t.label() == null ? "第" + t.order() + "阶次" : t.label()) + "｜"
                + t.conditionText(table.lowerInclusive(), table.upperInclusive())
                + "｜单位 " + text(t.unit()) + "｜逾期单位 " + text(t.unitOverdue())
                + "｜个人 " + text(t.person()) + "｜逾期个人 " + text(t.personOverdue())
                + (t.firstOffenceList() ? "｜首违不罚" : "");
    }

    private static String text(AmountRange r) {
        return r == null ? "—" : r.text();
    }
}

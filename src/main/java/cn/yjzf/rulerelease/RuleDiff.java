package cn.yjzf.rulerelease;

import cn.yjzf.judgment.RuleFiles;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** File-by-file unified diff between two rule snapshots (java-diff-utils). */
public final class RuleDiff {

    public enum Change { ADDED, REMOVED, CHANGED }

    public record FileDiff(String path, Change change, List<String> lines) {
        public String changeLabel() {
            return switch (change) {
                case ADDED -> "新增";
                case REMOVED -> "删除";
                case CHANGED -> "修改";
            };
        }
    }

    private RuleDiff() {
    }

    public static List<FileDiff> between(RuleFiles from, RuleFiles to) {
        TreeSet<String> paths = new TreeSet<>(from.files().keySet());
        paths.addAll(to.files().keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            String a = from.files().get(path);
            String b = to.files().get(path);
            if (a != null && a.equals(b)) {
                continue;
            }
            List<String> left = a == null ? List.of() : a.lines().toList();
            List<String> right = b == null ? List.of() : b.lines().toList();
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, left,
                    DiffUtils.diff(left, right), 3);
            diffs.add(new FileDiff(path, a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED, unified));
        }
        return diffs;
    }
}

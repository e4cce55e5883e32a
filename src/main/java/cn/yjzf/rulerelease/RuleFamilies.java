package cn.yjzf.rulerelease;

import cn.yjzf.judgment.LiveFamily;
import cn.yjzf.judgment.RuleFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The three rule families on the maintainer page: which version each runs on this instance and how the rules
 * directory on disk stands for it (unchanged, changed and passing, or the problems found in its files).
 */
final class RuleFamilies {

    /** One family's row: {@code diskProblems} are the disk report's lines about its files. */
    record Row(String id, String title, String root, String running, Boolean diskSame, List<String> diskProblems) {
    }

    private RuleFamilies() {
    }

    /** SHA-256 over the hazard rules of a snapshot: every file outside the other families' folders. */
    static String hazardHash(RuleFiles files, List<LiveFamily<?>> families) {
        java.util.SortedMap<String, String> hazard = new java.util.TreeMap<>(files.files());
        hazard.keySet().removeIf(p -> families.stream().anyMatch(f -> p.startsWith(f.family().root())));
        return new RuleFiles(files.origin(), hazard).contentHash();
    }

    static List<Row> rows(Long installedHazard, String installedHazardHash, List<LiveFamily<?>> families,
                          DiskRules.Status disk) {
        List<Row> rows = new ArrayList<>();
        List<String> roots = families.stream().map(f -> f.family().root()).toList();
        rows.add(new Row("hazard", "隐患判定规则", "（各规则集目录与 common/）",
                installedHazard == null ? "正在切换" : "发布版本#" + installedHazard,
                disk == null || installedHazardHash == null ? null : installedHazardHash.equals(disk.hazardHash()),
                problems(disk, p -> roots.stream().noneMatch(r -> about(p, r)))));
        for (LiveFamily<?> f : families) {
            LiveFamily.Installed<?> i = f.installed();
            String root = f.family().root();
            Boolean same = disk == null || i == null || disk.familyHashes() == null ? null
                    : i.hash().equals(disk.familyHashes().get(f.family().id()));
            rows.add(new Row(f.family().id(), f.family().title(), root, i == null ? "未加载" : i.version(), same,
                    problems(disk, p -> about(p, root))));
        }
        return rows;
    }

    /** A problem line (file first) about a file under the family's folder. */
    private static boolean about(String line, String root) {
        String file = line.contains(": ") ? line.substring(0, line.indexOf(": ")) : line;
        return file.startsWith(root) || file.contains("/" + root);
    }

    private static List<String> problems(DiskRules.Status disk, java.util.function.Predicate<String> mine) {
        if (disk == null || disk.report() == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        disk.report().problems().forEach(p -> lines.add(p.toString()));
        disk.report().scenarios().stream().filter(s -> !s.passed())
                .forEach(s -> lines.add(s.file() + ": 场景「" + s.name() + "」" + String.join("；", s.failures())));
        return lines.stream().filter(mine).toList();
    }
}

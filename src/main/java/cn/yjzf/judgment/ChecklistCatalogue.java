package cn.yjzf.judgment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 隐患描述标准库 as a Markdown document in Chinese ({@code rules catalogue}, published as {@code docs/checklist.md}):
 * every checklist question an officer answers, by rule set, then by article, then by checklist group, with its type,
 * unit, options and the answers that are non-compliant. Read from {@code ruleset.yaml} and {@code checklist*.yaml}
 * only (no DRL compilation); for NUMBER questions the thresholds are taken from the rule set's DRL text.
 * The output depends only on the files' contents, never on where they are or on the date, so that a test can compare
 * it with the published file.
 * Industries are shown as the checklist writes them: the Chinese labels of {@code cn.yjzf.enterprise.Industry}
 * (the values {@link ChecklistGroup#appliesTo} and the DRL compare with); this package deliberately does not
 * depend on the enterprise package.
 */
public final class ChecklistCatalogue {

    /** How to regenerate the published catalogue; shown in it and in the test that keeps it current. */
    public static final String REGENERATE =
            "java -jar target/yjzf-*.jar rules catalogue rules --output docs/checklist.md";

    private ChecklistCatalogue() {
    }

    /** The catalogue of every rule set under {@code files}, in path order; lines end in {@code \n}. */
    public static String render(RuleFiles files) {
        StringBuilder md = new StringBuilder();
        md.append("# 隐患描述标准库（检查项目录）\n\n");
        md.append("本文件由 `rules catalogue` 命令根据 `rules/` 下各规则集的 `ruleset.yaml` 和 `checklist*.yaml`"
                + "（数值型检查项的判定阈值取自该规则集的 DRL）自动生成，请勿手工修改；规则变更后运行 `" + REGENERATE
                + "` 重新生成，本文件与规则不一致时构建中的测试会失败。检查人员记录的每一项观察都应作为下列某个检查项的答案："
                + "答案为「不符合的答案」一栏所列取值的，由规则判定是否构成重大事故隐患，不构成的判定为一般事故隐患；"
                + "未对应任何检查项的自由文本描述判定为「未匹配」，转人工定级。检查项预设的设施、场所或工艺在企业不存在的，"
                + "答「不适用」（「可答「不适用」」一栏为“是”的检查项）：不适用不触发任何规则，也不判为一般事故隐患。"
                + "可能改变判定结果的检查项必须作答，其余可以不答（未检查）。“判定要点”注明出处：标准正文、官方目录或解读，"
                + "或者「本局解释」。\n");
        for (String manifestPath : files.files().keySet()) {
            if (manifestPath.equals(RuleBaseLoader.MANIFEST) || manifestPath.endsWith("/" + RuleBaseLoader.MANIFEST)) {
                String dir = manifestPath.substring(0, manifestPath.length() - RuleBaseLoader.MANIFEST.length());
                renderSet(md, files, dir, RuleBaseLoader.readYaml(files, manifestPath, RuleSetManifest.class));
            }
        }
        return md.toString();
    }

    private static void renderSet(StringBuilder md, RuleFiles files, String dir, RuleSetManifest m) {
        List<ChecklistGroup> groups = new ArrayList<>();
        for (String path : checklistPaths(files, dir)) {
            groups.addAll(RuleBaseLoader.readYaml(files, path, Checklist.class).groups());
        }
        groups.sort(java.util.Comparator.comparing(ChecklistGroup::code)); // the order the checklist page shows
        Map<String, List<String>> thresholds = numberThresholds(files, dir);
        List<String> sectors = m.sectors() == null ? List.of() : m.sectors();

        md.append("\n## 《").append(text(m.standard())).append("》（").append(text(m.documentNumber())).append("）\n\n");
        md.append("- 规则集：`").append(m.id()).append("`，版本 ").append(text(m.version())).append('\n');
        md.append("- 适用领域：").append(sectors.isEmpty() ? "—" : String.join("、", sectors)).append('\n');
        md.append("- 施行期间：").append(m.effectiveFrom() == null ? "未注明" : m.effectiveFrom() + " 起")
                .append(m.effectiveTo() == null ? "，现行有效" : "，至 " + m.effectiveTo() + " 止（含当日）").append('\n');
        md.append("- 检查项：").append(groups.size()).append(" 组，")
                .append(groups.stream().mapToInt(g -> questions(g).size()).sum()).append(" 项\n");
        if (groups.isEmpty()) {
            md.append("\n本规则集没有检查项。\n");
            return;
        }

        Map<String, List<ChecklistGroup>> byArticle = groups.stream().collect(Collectors.groupingBy(
                g -> Objects.toString(g.article(), ""), LinkedHashMap::new, Collectors.toList()));
        byArticle.forEach((article, inArticle) -> {
            md.append("\n### ").append(article.isBlank() ? "（未注明条款）" : text(article))
                    .append(articleScope(inArticle)).append("\n");
            for (ChecklistGroup g : inArticle) {
                renderGroup(md, g, sectors, thresholds);
            }
        });
    }

    /** "　建材" or "　粉尘涉爆" when every group of the article shares one industry / flag condition. */
    private static String articleScope(List<ChecklistGroup> groups) {
        List<String> industries = list(groups.get(0).industries());
        List<String> flags = list(groups.get(0).flags());
        boolean same = groups.stream().allMatch(g -> list(g.industries()).equals(industries) && list(g.flags()).equals(flags));
        if (!same || industries.isEmpty() && flags.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>(industries);
        parts.addAll(flags);
        return "　" + String.join("、", parts);
    }

    private static void renderGroup(StringBuilder md, ChecklistGroup g, List<String> sectors,
                                    Map<String, List<String>> thresholds) {
        md.append("\n#### ").append(text(g.code())).append("　").append(text(g.reference())).append("　")
                .append(text(g.title())).append("\n\n");
        List<String> industries = list(g.industries());
        md.append("- 适用行业：").append(industries.isEmpty()
                ? "不限" + (sectors.isEmpty() ? "" : "（" + String.join("、", sectors) + "领域各行业）")
                : String.join("、", industries)).append('\n');
        List<String> flags = list(g.flags());
        md.append("- 适用企业标记：").append(flags.isEmpty() ? "无要求" : String.join("、", flags)
                + (flags.size() > 1 ? "（须同时具备）" : "")).append("\n\n");
        md.append("| 编码 | 检查项 | 类型 | 单位 | 选项 | 不符合的答案 | 可答「不适用」 |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (ChecklistQuestion q : questions(g)) {
            md.append("| ").append(cell(q.code()))
                    .append(" | ").append(cell(q.text()))
                    .append(" | ").append(cell(type(q)))
                    .append(" | ").append(cell(blankToDash(q.unit())))
                    .append(" | ").append(cell(q.type() == ChecklistQuestion.QuestionType.CHOICE
                            ? quoted(list(q.options())) : "—"))
                    .append(" | ").append(cell(deficient(q, thresholds.getOrDefault(q.code(), List.of()))))
                    .append(" | ").append(q.allowsNotApplicable() ? "是" : "—")
                    .append(" |\n");
        }
        List<ChecklistQuestion> guided = questions(g).stream().filter(q -> q.guidance() != null && !q.guidance().isBlank()).toList();
        if (!guided.isEmpty()) {
            md.append("\n判定要点：\n\n");
            for (ChecklistQuestion q : guided) {
                md.append("- ").append(text(q.code())).append("：").append(text(q.guidance())).append("（")
                        .append(blankToDash(text(q.guidanceSource())).equals("—") ? ChecklistQuestion.BUREAU_EXPLANATION
                                : text(q.guidanceSource())).append("）\n");
            }
        }
    }


    private static String type(ChecklistQuestion q) {
        if (q.type() == null) {
            return "未注明";
        }
        return switch (q.type()) {
            case YES_NO -> "是/否";
            case DEVICE -> "设施状态（" + Answer.DEVICE_NORMAL + "/" + Answer.DEVICE_ABSENT + "/" + Answer.DEVICE_FAILED + "）";
            case NUMBER -> q.unit() == null || q.unit().isBlank() ? "数值" : "数值（" + q.unit() + "）";
            case CHOICE -> "选项";
        };
    }

    private static String deficient(ChecklistQuestion q, List<String> thresholds) {
        if (q.type() == null) {
            return "—";
        }
        return switch (q.type()) {
            case YES_NO -> q.compliant() == null ? "—（仅用于确定是否适用）"
                    : quoted(q.allowedValues().stream().filter(q::isDeficient).toList());
            case DEVICE -> quoted(List.of(Answer.DEVICE_ABSENT, Answer.DEVICE_FAILED));
            case CHOICE -> list(q.deficientOptions()).isEmpty() ? "—（仅用于确定适用情形）" : quoted(q.deficientOptions());
            case NUMBER -> thresholds.isEmpty() ? "由规则按阈值判定" : "由规则按阈值判定：" + thresholds.stream()
                    .map(t -> t.replace("{unit}", blankToDash(q.unit()).equals("—") ? "" : " " + q.unit().strip())).collect(Collectors.joining("；"));
        };
    }

    private static final Map<String, String> COMPARISONS = Map.of(">", "大于", ">=", "不小于", "<", "小于", "<=", "不大于",
            "==", "等于", "!=", "不等于");

    /**
     * For each question code tested with {@code number} in the set's DRL: "大于 9{unit}（GM2023-12-02）", or, when it is
     * compared with another answer bound to a variable, "大于 GM-04-05-DESIGNMAX 的答案（GM2023-04-05）"; in file order.
     * A bare presence test ({@code number != null}) is no threshold and is left out.
     */
    private static Map<String, List<String>> numberThresholds(RuleFiles files, String dir) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        files.under(dir).forEach((path, text) -> {
            if (!path.endsWith(".drl") || path.startsWith(dir + "scenarios/")) {
                return;
            }
            List<RuleValidator.AnswerPattern> patterns = RuleValidator.answerPatterns(text);
            Map<String, String> boundTo = new java.util.HashMap<>();
            for (RuleValidator.AnswerPattern p : patterns) {
                p.numberBindings().forEach(v -> p.codes().forEach(c -> boundTo.put(p.rule() + v, c)));
            }
            for (RuleValidator.AnswerPattern p : patterns) {
                for (String code : p.codes()) {
                    for (String test : p.numberTests()) {
                        String[] opAndValue = test.split(" ", 2);
                        if (opAndValue[1].equals("null")) {
                            continue;
                        }
                        String other = boundTo.get(p.rule() + opAndValue[1]);
                        String operand = opAndValue[1].startsWith("$")
                                ? (other == null ? opAndValue[1] : other) + " 的答案" : opAndValue[1] + "{unit}";
                        String shown = COMPARISONS.getOrDefault(opAndValue[0], opAndValue[0]) + " " + operand
                                + (p.rule() == null ? "" : "（" + p.rule() + "）");
                        List<String> list = result.computeIfAbsent(code, c -> new ArrayList<>());
                        if (!list.contains(shown)) {
                            list.add(shown);
                        }
                    }
                }
            }
        });
        return result;
    }

    /** {@code checklist.yaml} first, then {@code checklist-*.yaml} by name: the order a reader expects. */
    private static List<String> checklistPaths(RuleFiles files, String dir) {
        Function<String, String> name = p -> p.substring(dir.length());
        return files.files().keySet().stream()
                .filter(p -> p.startsWith(dir) && p.indexOf('/', dir.length()) < 0)
                .filter(p -> name.apply(p).matches("checklist(-[\\w-]+)?\\.ya?ml"))
                .sorted((a, b) -> {
                    boolean aMain = name.apply(a).matches("checklist\\.ya?ml");
                    boolean bMain = name.apply(b).matches("checklist\\.ya?ml");
                    return aMain != bMain ? (aMain ? -1 : 1) : a.compareTo(b);
                })
                .toList();
    }

    /** 「A」、「B」: options may themselves contain 、 and ，. */
    private static String quoted(List<String> values) {
        return values.isEmpty() ? "—" : values.stream().map(v -> "「" + v + "」").collect(Collectors.joining("、"));
    }

    private static List<ChecklistQuestion> questions(ChecklistGroup g) {
        return list(g.questions());
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static String blankToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String s) {
        return text(s).replace("|", "\\|");
    }
}

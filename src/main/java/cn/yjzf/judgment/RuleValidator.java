package cn.yjzf.judgment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a rules directory, runs every scenario beside it and checks that every rule carries its citation and is
 * exercised by a scenario that fires it and a near-miss that must not. Used by the build gate and by maintainers.
 * It also checks that the rules and scenarios speak the checklist's language: every scenario answer names a question
 * of its rule set's checklist and carries a value that question accepts, and every question code and literal value a
 * DRL {@code Answer( … )} pattern compares with exists in the checklist (a typo there would make a rule silently
 * never fire).
 */
public final class RuleValidator {

    private final RuleBaseLoader loader;

    public RuleValidator() {
        this(new RuleBaseLoader());
    }

    /** With a loader of another code policy (the sandbox's own tests run unchecked rules in the child process). */
    public RuleValidator(RuleBaseLoader loader) {
        this.loader = loader;
    }

    public RuleValidation validate(RuleFiles files) {
        RuleBase base;
        try {
            base = loader.load(files);
        } catch (RuleCompilationException e) {
            return new RuleValidation(List.of(), e.problems(), List.of(), null);
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<ScenarioResult> results = new ArrayList<>();
        List<RuleValidation.Coverage> coverage = new ArrayList<>();
        for (CompiledRuleSet set : base.ruleSets()) {
            String dir = set.dir();
            Set<String> firedSomewhere = new HashSet<>();
            Set<String> heldBackSomewhere = new HashSet<>();
            for (Map.Entry<String, String> f : files.under(dir + "scenarios/").entrySet()) {
                if (!f.getKey().endsWith(".yaml") && !f.getKey().endsWith(".yml")) {
                    continue;
                }
                Scenario.File file;
                try {
                    file = RuleBaseLoader.readYaml(files, f.getKey(), Scenario.File.class);
                } catch (RuleCompilationException e) {
                    problems.addAll(e.problems());
                    continue;
                }
                List<Map<String, Integer>> lines = answerLines(f.getValue());
                for (int i = 0; i < file.scenarios().size(); i++) {
                    Scenario s = file.scenarios().get(i);
                    problems.addAll(checkAnswers(set, files.display(f.getKey()),
                            i < lines.size() ? lines.get(i) : Map.of(), s));
                    ScenarioResult r = run(base, set, files.display(f.getKey()), s);
                    results.add(r);
                    if (s.expect() != null) {
                        if (s.expect().fired() != null) {
                            firedSomewhere.addAll(s.expect().fired());
                        }
                        if (s.expect().notFired() != null) {
                            heldBackSomewhere.addAll(s.expect().notFired());
                        }
                    }
                }
            }
            Set<String> items = new LinkedHashSet<>();
            for (RuleDescriptor rule : set.rules()) {
                for (String key : RuleMetadata.REQUIRED) {
                    Object v = rule.metadata().get(key);
                    if (v == null || (!key.equals(RuleMetadata.ITEM) && v.toString().isBlank())) {
                        problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」缺少引用元数据 @" + key));
                    }
                }
                if (!firedSomewhere.contains(rule.name())) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」没有使其触发的场景（expect.fired）"));
                }
                if (!heldBackSomewhere.contains(rule.name())) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), "规则「" + rule.name() + "」没有不应触发的临界场景（expect.notFired）"));
                }
                Citation c = rule.citation();
                if (c.documentNumber().equals(set.manifest().documentNumber()) && !c.item().isBlank()) {
                    items.add(c.article() + c.item());
                }
            }
            coverage.add(new RuleValidation.Coverage(set.manifest().id(), set.manifest().name(), items.size(),
                    set.manifest().totalItems(), set.manifest().gaps() == null ? List.of() : set.manifest().gaps()));
            for (Map.Entry<String, String> drl : files.under(dir).entrySet()) {
                if (drl.getKey().endsWith(".drl") && !drl.getKey().startsWith(dir + "scenarios/")
                        && !drl.getKey().startsWith(RuleBaseLoader.COMMON)) {
                    problems.addAll(checkDrl(files.display(drl.getKey()), drl.getValue(), List.of(set), false));
                }
            }
        }
        // common/ is compiled into every rule set: a code it names must exist in at least one of their checklists,
        // and its literal values must suit that question wherever it exists.
        for (Map.Entry<String, String> drl : files.under(RuleBaseLoader.COMMON).entrySet()) {
            if (drl.getKey().endsWith(".drl")) {
                problems.addAll(checkDrl(files.display(drl.getKey()), drl.getValue(), base.ruleSets(), true));
            }
        }
        return new RuleValidation(results, problems, coverage, base);
    }

    /** Every answer of a scenario names a question of the rule set's checklist and carries a value it accepts. */
    static List<RuleProblem> checkAnswers(CompiledRuleSet set, String file, Map<String, Integer> lines, Scenario s) {
        List<RuleProblem> problems = new ArrayList<>();
        if (s.answers() == null) {
            return problems;
        }
        int scenarioLine = lines.getOrDefault("", 0);
        s.answers().forEach((code, value) -> {
            int line = lines.getOrDefault(code, scenarioLine);
            String where = "场景「" + s.name() + "」的答案 " + code;
            ChecklistQuestion q = set.checklist().question(code).orElse(null);
            if (q == null) {
                problems.add(new RuleProblem(file, line, where + "：规则集 " + set.manifest().id() + " 的检查表中没有该检查项"));
                return;
            }
            String reason = q.rejectValue(value);
            if (reason != null) {
                problems.add(new RuleProblem(file, line, where + " 的取值「" + (value == null ? "" : value)
                        + "」不被该检查项接受：" + reason));
            }
        });
        return problems;
    }

    /**
     * Line of each answer key of a scenarios file, one map per scenario (key "" holds the scenario's own line).
     * Read with the YAML token stream because the bound records keep no locations.
     */
    static List<Map<String, Integer>> answerLines(String yaml) {
        List<Map<String, Integer>> result = new ArrayList<>();
        Pattern scenario = Pattern.compile("/scenarios/(\\d+)");
        Pattern answer = Pattern.compile("/scenarios/(\\d+)/answers/([^/]+)");
        try (JsonParser p = RuleBaseLoader.YAML.getFactory().createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT && t != JsonToken.FIELD_NAME) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                Matcher m = t == JsonToken.START_OBJECT ? scenario.matcher(pointer) : answer.matcher(pointer);
                if (!m.matches()) {
                    continue;
                }
                int index = Integer.parseInt(m.group(1));
                while (result.size() <= index) {
                    result.add(new HashMap<>());
                }
                String key = t == JsonToken.START_OBJECT ? "" : JsonPointer.compile("/" + m.group(2)).getMatchingProperty();
                result.get(index).putIfAbsent(key, p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // already reported when the file was read; messages then carry no line
        }
        return result;
    }

    /** An {@code Answer( … )} pattern of a DRL file: the codes and literal values it compares, and number tests. */
    record AnswerPattern(int line, String rule, List<String> codes, List<String> values, List<String> numberTests,
                         List<String> numberBindings) {
    }

    private static final Pattern ANSWER = Pattern.compile("(?<![\\w$.])Answer\\s*\\(");
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern CODE_EQ = Pattern.compile("(?<![\\w$.])code\\s*==\\s*" + STRING);
    private static final String LIST = "\\(((?:[^)\"]|" + STRING + ")*)\\)";
    private static final Pattern CODE_IN = Pattern.compile("(?<![\\w$.])code\\s+in\\s*" + LIST);
    private static final Pattern VALUE_EQ = Pattern.compile("(?<![\\w$.])value\\s*(?:==|!=)\\s*" + STRING);
    private static final Pattern VALUE_IN = Pattern.compile("(?<![\\w$.])value\\s+(?:not\\s+)?in\\s*" + LIST);
    private static final Pattern NUMBER_TEST = Pattern.compile("(?<![\\w$.])number\\s*(>=|<=|==|!=|>|<)\\s*([-\\w.$]+)");
    private static final Pattern NUMBER_BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*number(?![\\w$])");
    private static final Pattern LITERAL = Pattern.compile(STRING);

    /**
     * The {@code Answer( … )} patterns in the conditions ({@code when … then}) of a DRL text, found by scanning it
     * (comments and string contents ignored), with their line and the rule they belong to. Recognised:
     * {@code code == "…"}, {@code code in ("…", …)}, {@code value == / != "…"}, {@code value [not] in ("…", …)} and
     * {@code number <op> n}.
     */
    static List<AnswerPattern> answerPatterns(String drl) {
        String text = withoutComments(drl);
        String bare = withoutStringContents(text);
        List<Integer> ruleStarts = new ArrayList<>();
        List<String> ruleNames = new ArrayList<>();
        Matcher rm = RULE_NAME.matcher(text);
        while (rm.find()) {
            ruleStarts.add(rm.start());
            ruleNames.add(rm.group(1));
        }
        List<Integer> whens = keywordOffsets(bare, "when");
        List<Integer> thens = keywordOffsets(bare, "then");
        List<AnswerPattern> patterns = new ArrayList<>();
        int line = 1;
        int counted = 0;
        Matcher m = ANSWER.matcher(bare);
        while (m.find()) {
            if (lastBefore(whens, m.start()) <= lastBefore(thens, m.start())) {
                continue; // not in a rule's conditions (e.g. Java code of a consequence)
            }
            int end = closingParen(bare, m.end());
            String body = text.substring(m.end(), end);
            List<String> codes = new ArrayList<>();
            Matcher c = CODE_EQ.matcher(body);
            while (c.find()) {
                codes.add(c.group(1));
            }
            c = CODE_IN.matcher(body);
            while (c.find()) {
                codes.addAll(literals(c.group(1)));
            }
            List<String> values = new ArrayList<>();
            Matcher v = VALUE_EQ.matcher(body);
            while (v.find()) {
                values.add(v.group(1));
            }
            v = VALUE_IN.matcher(body);
            while (v.find()) {
                values.addAll(literals(v.group(1)));
            }
            List<String> numbers = new ArrayList<>();
            Matcher n = NUMBER_TEST.matcher(body);
            while (n.find()) {
                numbers.add(n.group(1) + " " + n.group(2));
            }
            List<String> bindings = new ArrayList<>();
            Matcher b = NUMBER_BINDING.matcher(body);
            while (b.find()) {
                bindings.add(b.group(1));
            }
            String rule = null;
            for (int i = 0; i < ruleStarts.size() && ruleStarts.get(i) < m.start(); i++) {
                rule = ruleNames.get(i);
            }
            for (; counted < m.start(); counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            patterns.add(new AnswerPattern(line, rule, codes, values, numbers, bindings));
        }
        return patterns;
    }

    private static List<Integer> keywordOffsets(String text, String keyword) {
        List<Integer> offsets = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w$.])" + keyword + "(?![\\w$])").matcher(text);
        while (m.find()) {
            offsets.add(m.start());
        }
        return offsets;
    }

    private static int lastBefore(List<Integer> offsets, int position) {
        int last = -1;
        for (int o : offsets) {
            if (o < position) {
                last = o;
            }
        }
        return last;
    }

    /**
     * Checks a DRL file's {@code Answer} patterns against the checklists of the given rule sets (one set for a rule
     * set's own DRL; all of them for common/): the code must be a question of at least one of them, and every
     * literal value must be accepted by that question, and {@code number} may only be tested on NUMBER questions.
     */
    static List<RuleProblem> checkDrl(String file, String drl, List<CompiledRuleSet> sets, boolean common) {
        Set<RuleProblem> problems = new LinkedHashSet<>();
        for (AnswerPattern p : answerPatterns(drl)) {
            String in = p.rule() == null ? "" : "规则「" + p.rule() + "」中";
            for (String code : p.codes()) {
                List<ChecklistQuestion> questions = sets.stream()
                        .map(s -> s.checklist().question(code).orElse(null)).filter(q -> q != null).toList();
                if (questions.isEmpty()) {
                    String owner = common || sets.size() != 1 ? "任何规则集的检查表"
                            : "规则集 " + sets.get(0).manifest().id() + " 的检查表";
                    problems.add(new RuleProblem(file, p.line(), in + "引用的检查项 " + code + " 不在" + owner + "中"));
                    continue;
                }
                for (ChecklistQuestion q : questions) {
                    for (String value : p.values()) {
                        if (Answer.NOT_APPLICABLE.equals(value)) {
                            problems.add(new RuleProblem(file, p.line(), in + "检查项 " + code + " 比较了「"
                                    + Answer.NOT_APPLICABLE + "」：不适用的答案不得触发任何规则"));
                            continue;
                        }
                        String reason = q.rejectValue(value);
                        if (reason != null) {
                            problems.add(new RuleProblem(file, p.line(), in + "检查项 " + code + " 比较的取值「" + value
                                    + "」不是该检查项可能的答案：" + reason));
                        }
                    }
                    if (!p.numberTests().isEmpty() && q.type() != ChecklistQuestion.QuestionType.NUMBER) {
                        problems.add(new RuleProblem(file, p.line(), in + "检查项 " + code + " 不是数值型（NUMBER），"
                                + "不能用 number 比较（其 number 恒为空，条件永不成立）"));
                    }
                }
            }
        }
        return List.copyOf(problems);
    }

    private static List<String> literals(String list) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(list);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Index of the parenthesis closing the one opened just before {@code from}, in text without string contents. */
    private static int closingParen(String bare, int from) {
        int depth = 1;
        for (int i = from; i < bare.length(); i++) {
            char ch = bare.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return bare.length();
    }

    /** The text with the characters inside string literals replaced by spaces (quotes and offsets kept). */
    private static String withoutStringContents(String text) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) == '"') {
                for (i++; i < sb.length() && sb.charAt(i) != '"' && sb.charAt(i) != '\n'; i++) {
                    boolean escape = sb.charAt(i) == '\\' && i + 1 < sb.length() && sb.charAt(i + 1) != '\n';
                    sb.setCharAt(i, ' ');
                    if (escape) {
                        sb.setCharAt(++i, ' ');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The DRL text with comments blanked out (line breaks kept, so offsets and line numbers stay the same). */
    static String withoutComments(String drl) {
        StringBuilder sb = new StringBuilder(drl);
        for (int i = 0; i < sb.length(); i++) {
            char ch = sb.charAt(i);
            if (ch == '"') {
                for (i++; i < sb.length() && sb.charAt(i) != '"' && sb.charAt(i) != '\n'; i++) {
                    if (sb.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (ch == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '/') {
                for (; i < sb.length() && sb.charAt(i) != '\n'; i++) {
                    sb.setCharAt(i, ' ');
                }
            } else if (ch == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '*') {
                int start = i;
                int close = sb.indexOf("*/", i + 2);
                int stop = close < 0 ? sb.length() : close + 2;
                for (int j = start; j < stop; j++) {
                    if (sb.charAt(j) != '\n') {
                        sb.setCharAt(j, ' ');
                    }
                }
                i = stop - 1;
            }
        }
        return sb.toString();
    }

    static ScenarioResult run(RuleBase base, CompiledRuleSet set, String file, Scenario s) {
        List<String> failures = new ArrayList<>();
        if (s.expect() == null || s.enterprise() == null) {
            return new ScenarioResult(file, s.name(), List.of("场景缺少 enterprise 或 expect"), null);
        }
        Scenario.Enterprise e = s.enterprise();
        String sector = e.sector() != null ? e.sector() : set.manifest().sectors().get(0);
        FindingFacts facts = new FindingFacts(
                new EnterpriseFacts(e.industry(), e.flags() == null ? Set.of() : Set.copyOf(e.flags()), e.majorHazardSourceLevel()),
                sector, s.inspectionDate() != null ? s.inspectionDate() : set.manifest().effectiveFrom(), s.answers());
        AnswerValidator.Checked checked = AnswerValidator.check(base, facts, null);
        Scenario.Expect x = s.expect();
        if (x.rejected() != null) {
            java.util.Set<String> codes = checked.problems().stream().map(AnswerValidator.Problem::code)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
            if (!codes.equals(new java.util.TreeSet<>(x.rejected()))) {
                failures.add("答案应以 " + new java.util.TreeSet<>(x.rejected()) + " 被拒绝，实际："
                        + (codes.isEmpty() ? "被接受并判定" : codes + " " + checked.problems()));
            }
            return new ScenarioResult(file, s.name(), failures, null);
        }
        if (!checked.ok()) {
            return new ScenarioResult(file, s.name(), checked.problems().stream()
                    .map(p -> "答案被拒绝（" + p.code() + "）" + p.field() + "：" + p.message()).toList(), null);
        }
        JudgmentResult r = RuleEngine.judge(base, facts);
        if (x.grade() != null && !HazardGrade.fromLabel(x.grade()).equals(r.grade())) {
            failures.add("等级应为「" + x.grade() + "」，实际为「" + r.grade().label() + "」"
                    + (r.reason() == null ? "" : "（" + r.reason() + "）"));
        }
        if (x.fired() != null) {
            // exact: every rule that fires must be listed, so an unexpected extra firing fails the scenario
            x.fired().stream().filter(n -> !r.firedRules().contains(n))
                    .forEach(n -> failures.add("规则「" + n + "」应触发但未触发；实际触发：" + r.firedRules()));
            r.firedRules().stream().filter(n -> !x.fired().contains(n))
                    .forEach(n -> failures.add("规则「" + n + "」触发了，但不在场景的 fired 中（fired 须列出全部触发的规则）"));
        }
        if (x.notFired() != null) {
            x.notFired().stream().filter(r.firedRules()::contains)
                    .forEach(n -> failures.add("规则「" + n + "」不应触发但触发了"));
        }
        if (x.citations() != null) {
            List<String> actual = r.citations().stream().map(c -> c.article() + c.item()).toList();
            x.citations().stream().filter(c -> !actual.contains(c))
                    .forEach(c -> failures.add("应引用「" + c + "」，实际引用：" + actual));
        }
        if (x.ruleSet() != null && r.ruleSets().stream().noneMatch(ref -> ref.id().equals(x.ruleSet()))) {
            failures.add("应使用规则集「" + x.ruleSet() + "」，实际：" + r.ruleSets().stream().map(RuleSetRef::id).toList());
        }
        return new ScenarioResult(file, s.name(), failures, r);
    }
}

package cn.yjzf.judgment.sandbox;

import cn.yjzf.judgment.RuleProblem;
import cn.yjzf.judgment.sandbox.CodeTokens.Kind;
import cn.yjzf.judgment.sandbox.CodeTokens.Token;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Checks one DRL file against its rule family's allowlist, on the syntax tree of the Drools DRL parser, before the
 * file is compiled. Allowed: imports of the family's classes; patterns over them; constraints that compare their
 * properties with literals and bound variables ({@code in}, {@code contains}, {@code matches} …); {@code from} a bound
 * variable; {@code salience} / {@code no-loop}; string-valued annotations. A consequence may only be a sequence of
 * {@code insert(Class.method(args));}, {@code Class.method(args);} and {@code $bound.method(args);} where the method is
 * a public method the allowed class declares itself and the arguments are {@code kcontext}, literals and bound
 * variables joined by {@code +}. Everything else (function, global, declare, query, eval, accumulate, collect,
 * entry points, member access, {@code new}, any other class) is refused: consequences are Java, and an allowlist of
 * a small grammar is checkable where a blocklist of Java is not.
 */
final class DrlCodeCheck {

    private static final Set<String> CONSTRAINT_WORDS = Set.of("in", "not", "contains", "excludes", "memberOf",
            "matches", "soundslike", "str", "null", "true", "false", "this");
    private static final Set<String> INSERTS = Set.of("insert", "insertLogical");
    private static final Set<String> NOTORIOUS = Set.of("System", "Runtime", "Thread", "Class", "ClassLoader",
            "ProcessBuilder", "Process", "Files", "File", "Path", "Paths", "Socket", "URL", "Method", "Field",
            "exit", "halt", "exec", "getClass", "forName", "new", "java", "javax", "sun", "jdk", "drools");

    private final String file;
    private final String text;
    private final RuleCodePolicy.Family family;
    private final Set<RuleProblem> problems = new LinkedHashSet<>();
    /** Simple name → class, for the classes the file imports (all of them allowed). */
    private final Map<String, Class<?>> imported = new HashMap<>();

    DrlCodeCheck(String file, String text, RuleCodePolicy.Family family) {
        this.file = file;
        this.text = text;
        this.family = family;
    }

    List<RuleProblem> problems() {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            return List.of(new RuleProblem(file, 0, "无法解析：" + e.getMessage()));
        }
        if (parser.hasErrors() || pkg == null) {
            List<RuleProblem> syntax = new ArrayList<>();
            for (DroolsError e : parser.getErrors()) {
                int[] lines = e.getLines();
                syntax.add(new RuleProblem(file, lines != null && lines.length > 0 ? lines[0] : 0, e.getMessage()));
            }
            return syntax.isEmpty() ? List.of(new RuleProblem(file, 0, "无法解析")) : syntax;
        }
        checkPackage(pkg);
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(rule);
        }
        return List.copyOf(problems);
    }

    private void refuse(BaseDescr at, String reason) {
        refuse(at == null ? 0 : Math.max(at.getLine(), 0), reason);
    }

    private void refuse(int line, String reason) {
        problems.add(new RuleProblem(file, line, reason));
    }

    private void checkPackage(PackageDescr pkg) {
        if (pkg.getName() != null && !pkg.getName().isEmpty() && !pkg.getName().matches("rules(\\.[a-z][a-z0-9_]*)*")) {
            refuse(pkg, "包名「" + pkg.getName() + "」不允许：规则的包名须以 rules. 开头（如 rules.gongmao2023）");
        }
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            Class<?> type = family.allows(target) ? load(target) : null;
            if (type == null) {
                refuse(i, "不允许导入 " + target + "：规则族「" + family.name() + "」只能使用白名单中的类 "
                        + allowedNames());
            } else {
                imported.put(type.getSimpleName(), type);
            }
        }
        pkg.getFunctionImports().forEach(f -> refuse(f, "不允许 import function（规则只能调用白名单中的方法）"));
        pkg.getAccumulateImports().forEach(f -> refuse(f, "不允许 import accumulate"));
        pkg.getGlobals().forEach(g -> refuse(g, "不允许声明 global「" + g.getIdentifier() + "」"));
        pkg.getFunctions().forEach(f -> refuse(f, "不允许定义 function「" + f.getName() + "」"));
        pkg.getClassAndEnumDeclarationDescrs().forEach(d -> refuse(d, "不允许 declare 声明类型"));
        pkg.getEntryPointDeclarations().forEach(d -> refuse(d, "不允许 declare entry-point"));
        pkg.getWindowDeclarations().forEach(d -> refuse(d, "不允许 declare window"));
        pkg.getAttributes().forEach(a -> refuse(a, "不允许包级属性「" + a.getName() + "」"));
        if (pkg.getUnit() != null) {
            refuse(pkg.getUnit(), "不允许 unit");
        }
    }

    private String allowedNames() {
        List<String> names = new ArrayList<>(family.classes());
        family.packages().forEach(p -> names.add(p + ".*"));
        return names.toString();
    }

    /** The allowed class, loaded without initialising it; null when it does not exist. */
    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DrlCodeCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            refuse(rule, "不允许定义 query「" + rule.getName() + "」");
            return;
        }
        for (AnnotationDescr a : rule.getAnnotations()) {
            // Drools evaluates an unquoted annotation value as MVEL while compiling: only plain literals.
            for (Object v : a.getValueMap().values()) {
                String value = String.valueOf(v).strip();
                if (!value.matches("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+|true|false")) {
                    refuse(a, "规则「" + rule.getName() + "」的注解 @" + a.getName() + " 只能取字符串或数字，不允许：" + value);
                }
            }
        }
        for (AttributeDescr a : rule.getAttributes().values()) {
            String value = a.getValue() == null ? "" : a.getValue().strip();
            boolean ok = switch (a.getName()) {
                case "salience" -> value.matches("-?\\d+");
                case "no-loop" -> value.matches("true|false|");
                case "dialect" -> value.matches("\"?java\"?");
                default -> false;
            };
            if (!ok) {
                refuse(a, "规则「" + rule.getName() + "」不允许属性 " + a.getName() + " " + value
                        + "（只允许整数 salience 和 no-loop）");
            }
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule, "规则「" + rule.getName() + "」不允许命名结论（then[…]）");
        }
        Map<String, Class<?>> bound = new HashMap<>();
        checkCondition(rule.getLhs(), rule, bound);
        Object consequence = rule.getConsequence();
        if (consequence != null) {
            new Consequence(rule, String.valueOf(consequence), bound).check();
        }
    }

    private void checkCondition(BaseDescr d, RuleDescr rule, Map<String, Class<?>> bound) {
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                checkCondition(child, rule, bound);
            }
        } else if (d instanceof PatternDescr p) {
            checkPattern(p, rule, bound);
        } else if (d instanceof EvalDescr) {
            refuse(d, "规则「" + rule.getName() + "」不允许 eval（条件只能比较事实属性）");
        } else {
            refuse(d, "规则「" + rule.getName() + "」不允许条件元素 " + d.getClass().getSimpleName().replace("Descr", "")
                    + "（只允许事实模式、not、exists、or、forall 和 from 已绑定的变量）");
        }
    }

    private void checkPattern(PatternDescr p, RuleDescr rule, Map<String, Class<?>> bound) {
        String name = "规则「" + rule.getName() + "」";
        Class<?> type = typeOf(p.getObjectType());
        if (type == null) {
            refuse(p, name + "不允许匹配类型 " + p.getObjectType() + "：规则族「" + family.name() + "」只能使用 " + allowedNames());
            return;
        }
        if (p.getIdentifier() != null) {
            bound.put(p.getIdentifier(), type);
        }
        if (p.isQuery() || !p.getBehaviors().isEmpty() || !p.getAnnotations().isEmpty()) {
            refuse(p, name + "的模式 " + p.getObjectType() + " 不允许使用查询、窗口或注解");
        }
        if (p.getSource() != null) {
            if (!(p.getSource() instanceof FromDescr from)) {
                refuse(p.getSource(), name + "不允许 " + p.getSource().getClass().getSimpleName().replace("Descr", "")
                        .toLowerCase() + "（只允许 from 已绑定的变量）");
            } else if (!from.getExpression().strip().matches("\\$[\\w$]+") || !bound.containsKey(from.getExpression().strip())) {
                refuse(from, name + "的 from 只能取自本规则已绑定的变量（如 from $evidence），不允许：" + from.getExpression().strip());
            }
        }
        Set<String> properties = properties(type);
        for (BaseDescr c : p.getDescrs()) {
            int line = c.getLine() > 0 ? c.getLine() : p.getLine();
            if (c instanceof BindingDescr b) {
                bound.put(b.getVariable(), Object.class);
                checkConstraint(line, name, b.getExpression(), properties, bound);
            } else if (c instanceof ExprConstraintDescr e) {
                for (String var : bindingsIn(e.getExpression())) {
                    bound.put(var, Object.class);
                }
                checkConstraint(line, name, e.getExpression(), properties, bound);
            } else {
                refuse(line, name + "不支持的约束 " + c.getText());
            }
        }
    }

    private static Set<String> bindingsIn(String expression) {
        Set<String> vars = new HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\$[\\w$]+)\\s*:(?!=)").matcher(expression);
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }

    /** A constraint compares properties of the pattern's class with literals and bound variables, nothing else. */
    private void checkConstraint(int line, String rule, String expression, Set<String> properties,
                                 Map<String, Class<?>> bound) {
        List<Token> tokens = CodeTokens.of(expression);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (isConstant(tokens, i)) {
                i += 2; // Class.CONSTANT: a value, like a literal
                continue;
            }
            if (t.kind() == Kind.BAD || t.is(".") || t.is(";")) {
                refuse(line, rule + "的条件中不允许「" + t.text() + "」（条件只能比较事实属性，不允许访问成员或调用方法）：" + expression.strip());
                return;
            }
            if (t.kind() != Kind.NAME) {
                continue;
            }
            String w = t.text();
            boolean call = next != null && next.is("(") && !w.equals("in");
            if (call || (!w.startsWith("$") && !CONSTRAINT_WORDS.contains(w) && !properties.contains(w))) {
                refuse(line, rule + "的条件中不允许使用「" + w + "」" + hint(w)
                        + "（只能比较 " + String.join("、", new java.util.TreeSet<>(properties)) + "）");
                return;
            }
        }
    }

    /**
     * {@code AllowedClass.CONSTANT} at {@code tokens[i]}: a public static final field of primitive, String or enum type
     * that an imported class declares itself. Reading it runs no code beyond the class's own initialisation.
     */
    private boolean isConstant(List<Token> tokens, int i) {
        if (i + 2 >= tokens.size() || tokens.get(i).kind() != Kind.NAME || !tokens.get(i + 1).is(".")
                || tokens.get(i + 2).kind() != Kind.NAME) {
            return false;
        }
        Class<?> type = imported.get(tokens.get(i).text());
        if (type == null) {
            return false;
        }
        try {
            java.lang.reflect.Field f = type.getDeclaredField(tokens.get(i + 2).text());
            int m = f.getModifiers();
            Class<?> t = f.getType();
            return Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)
                    && (t.isPrimitive() || t == String.class || t.isEnum());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static String hint(String word) {
        return NOTORIOUS.contains(word) ? "（规则不得访问系统、文件、网络、进程、线程或反射）" : "";
    }

    private Class<?> typeOf(String objectType) {
        if (objectType == null) {
            return null;
        }
        if (imported.containsKey(objectType)) {
            return imported.get(objectType);
        }
        return family.allows(objectType) ? load(objectType) : null;
    }

    /** Bean properties (getX / isX), record components and public fields: what a constraint may name. */
    static Set<String> properties(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            if (n.startsWith("get") && n.length() > 3) {
                names.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
            } else if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                names.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
            }
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        }
        for (java.lang.reflect.Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                names.add(f.getName());
            }
        }
        return names;
    }

    /** Public methods the class itself declares (never those of Object: getClass, wait, notify …). */
    private static boolean declares(Class<?> type, String method, boolean statics) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(method) && Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) == statics
                    && !m.isSynthetic()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The consequence grammar: {@code statement*} with
     * {@code statement := (insert|insertLogical) '(' call ')' ';' | call ';'},
     * {@code call := (AllowedClass | $bound) '.' method '(' [arg (',' arg)*] ')'},
     * {@code arg := term ('+' term)*}, {@code term := kcontext | literal | $bound | AllowedClass.CONSTANT}.
     */
    private final class Consequence {
        private final RuleDescr rule;
        private final String body;
        private final Map<String, Class<?>> bound;
        private final List<Token> tokens;
        private int pos;

        Consequence(RuleDescr rule, String body, Map<String, Class<?>> bound) {
            this.rule = rule;
            this.body = body;
            this.bound = bound;
            this.tokens = CodeTokens.of(body);
        }

        void check() {
            try {
                while (pos < tokens.size()) {
                    statement();
                }
            } catch (Refused r) {
                Token at = pos < tokens.size() ? tokens.get(Math.max(pos - 1, 0)) : null;
                int line = rule.getLine();
                int start = text.indexOf(body, Math.max(rule.getConsequenceOffset() - body.length(), 0));
                if (start >= 0) {
                    int offset = start + (at == null ? body.length() : at.offset());
                    line = 1 + (int) text.substring(0, offset).chars().filter(ch -> ch == '\n').count();
                }
                refuse(line, "规则「" + rule.getName() + "」的结论（then）" + r.getMessage()
                        + "；结论只能写 insert(白名单类.方法(kcontext, …)); 或 $变量.方法(kcontext, …);");
            }
        }

        private void statement() {
            Token first = peek();
            if (first.kind() == Kind.NAME && INSERTS.contains(first.text())) {
                pos++;
                expect("(");
                call();
                expect(")");
            } else {
                call();
            }
            expect(";");
        }

        private void call() {
            Token target = next();
            if (target.kind() != Kind.NAME) {
                throw new Refused("不允许「" + target.text() + "」");
            }
            Class<?> type;
            boolean statics;
            if (target.text().startsWith("$")) {
                type = bound.get(target.text());
                statics = false;
                if (type == null || type == Object.class) {
                    throw new Refused("只能调用模式所绑定的白名单事实的方法，不允许「" + target.text() + "」");
                }
            } else {
                type = imported.get(target.text());
                statics = true;
                if (type == null) {
                    throw new Refused("不允许使用「" + target.text() + "」" + hint(target.text()));
                }
            }
            expect(".");
            Token method = next();
            if (method.kind() != Kind.NAME || !declares(type, method.text(), statics)) {
                throw new Refused("不允许调用 " + target.text() + "." + method.text() + hint(method.text())
                        + "（不是 " + type.getSimpleName() + " 声明的公开" + (statics ? "静态" : "") + "方法）");
            }
            expect("(");
            if (!peek().is(")")) {
                do {
                    argument();
                } while (accept(","));
            }
            expect(")");
        }

        private void argument() {
            do {
                if (isConstant(tokens, pos)) {
                    pos += 3;
                    continue;
                }
                Token t = next();
                boolean ok = t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.is("kcontext")
                        || (t.kind() == Kind.NAME && t.text().startsWith("$") && bound.containsKey(t.text()));
                if (!ok) {
                    throw new Refused("的参数只能是 kcontext、字面量或已绑定的变量，不允许「" + t.text() + "」" + hint(t.text()));
                }
            } while (accept("+"));
        }

        private Token peek() {
            if (pos >= tokens.size()) {
                throw new Refused("不完整");
            }
            return tokens.get(pos);
        }

        private Token next() {
            Token t = peek();
            pos++;
            return t;
        }

        private boolean accept(String op) {
            if (pos < tokens.size() && tokens.get(pos).is(op)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(String op) {
            Token t = peek();
            if (!t.is(op)) {
                throw new Refused("此处应为「" + op + "」，不允许「" + t.text() + "」" + hint(t.text()));
            }
            pos++;
        }
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}

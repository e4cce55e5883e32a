package cn.yjzf.judgment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The load-time rewrite that lets many findings share one session while rule authors keep writing rules about ONE
 * finding. Applied by {@link RuleBaseLoader} to the parsed hazard rules ({@code PackageDescr} from {@code DrlParser}),
 * never to the files, so compile errors still point at the author's file:line:
 * <ul>
 * <li>each rule starts with its finding's {@link EnterpriseFacts} and binds its {@code findingId} (an existing leading
 * {@code EnterpriseFacts( … )} pattern gets the binding; otherwise one is put in front: every finding inserts exactly
 * one, so this adds no condition), and every other pattern on a finding's facts ({@link Answer}, {@link EnterpriseFacts},
 * {@link HazardMatch}, also inside {@code not}/{@code exists}/{@code or}/{@code from}) joins on that id;</li>
 * <li>a positive {@code Answer( code in ("A", "B"), … )} becomes {@code ( Answer( code == "A", … ) or Answer( code == "B", … ) )}:
 * Drools hashes {@code ==} on one property across alpha nodes (one lookup per inserted answer) but evaluates every
 * {@code in} list for every answer. An answer has one code, so it matches at most one branch: the same activations.</li>
 * </ul>
 */
final class FindingScope {

    /** The variable every rewritten rule binds to its finding's id. */
    static final String FINDING = "$yjzfFinding";

    private static final String ENTERPRISE = EnterpriseFacts.class.getName();
    private static final Set<String> SCOPED = Set.of("Answer", "EnterpriseFacts", "HazardMatch",
            Answer.class.getName(), ENTERPRISE, HazardMatch.class.getName());
    private static final Pattern CODE_IN = Pattern.compile(
            "\\s*code\\s+in\\s*\\(\\s*(\"[^\"\\\\]*\"(?:\\s*,\\s*\"[^\"\\\\]*\")*)\\s*\\)\\s*");
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\]*\"");

    private FindingScope() {
    }

    static void apply(PackageDescr pkg) {
        for (RuleDescr rule : pkg.getRules()) {
            apply(rule);
        }
    }

    static void apply(RuleDescr rule) {
        AndDescr lhs = rule.getLhs();
        if (lhs == null) {
            lhs = new AndDescr();
            rule.setLhs(lhs);
        }
        PatternDescr leading = lhs.getDescrs().isEmpty() ? null
                : lhs.getDescrs().get(0) instanceof PatternDescr p && isEnterprise(p) && p.getSource() == null ? p : null;
        if (leading == null) {
            leading = new PatternDescr(ENTERPRISE);
            leading.copyLocation(rule);
            lhs.getDescrs().add(0, leading);
        }
        leading.addConstraint(new ExprConstraintDescr(FINDING + " : findingId"));
        scope(lhs, leading, true);
    }

    /** Adds the join to every scoped pattern under {@code ce}; splits {@code code in} lists where it is positive. */
    private static void scope(ConditionalElementDescr ce, PatternDescr leading, boolean positive) {
        @SuppressWarnings("unchecked") // the conditional elements hold plain BaseDescr lists
        List<BaseDescr> children = (List<BaseDescr>) ce.getDescrs();
        boolean splittable = positive && (ce instanceof AndDescr || ce instanceof OrDescr);
        for (int k = 0; k < children.size(); k++) {
            BaseDescr child = children.get(k);
            if (child instanceof PatternDescr p) {
                if (p == leading || !SCOPED.contains(p.getObjectType())) {
                    continue;
                }
                List<PatternDescr> branches = splittable && p.getSource() == null ? splitCodeIn(p) : List.of();
                if (branches.isEmpty()) {
                    join(p);
                    continue;
                }
                branches.forEach(FindingScope::join);
                if (ce instanceof OrDescr) {
                    children.remove(k);
                    children.addAll(k, branches);
                    k += branches.size() - 1;
                } else {
                    OrDescr or = new OrDescr();
                    or.copyLocation(p);
                    branches.forEach(or::addDescr);
                    children.set(k, or);
                }
            } else if (child instanceof ConditionalElementDescr nested) {
                boolean stillPositive = positive && (child instanceof AndDescr || child instanceof OrDescr);
                scope(nested, leading, stillPositive && !(child instanceof NotDescr || child instanceof ExistsDescr
                        || child instanceof ForallDescr));
            }
        }
    }

    private static boolean isEnterprise(PatternDescr p) {
        return "EnterpriseFacts".equals(p.getObjectType()) || ENTERPRISE.equals(p.getObjectType());
    }

    private static void join(PatternDescr p) {
        p.addConstraint(new ExprConstraintDescr("findingId == " + FINDING));
    }

    /** One copy of {@code p} per code of its {@code code in (…)} constraint, or none when it has no such constraint. */
    private static List<PatternDescr> splitCodeIn(PatternDescr p) {
        if (!"Answer".equals(p.getObjectType()) && !Answer.class.getName().equals(p.getObjectType())) {
            return List.of();
        }
        List<? extends BaseDescr> constraints = p.getConstraint().getDescrs();
        int at = -1;
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < constraints.size(); k++) {
            if (!(constraints.get(k) instanceof ExprConstraintDescr e)) {
                return List.of(); // only plain expressions are copied
            }
            Matcher m = CODE_IN.matcher(e.getExpression());
            if (at < 0 && m.matches()) {
                at = k;
                Matcher lit = LITERAL.matcher(m.group(1));
                while (lit.find()) {
                    codes.add(lit.group());
                }
            }
        }
        if (at < 0 || codes.size() < 2) {
            return List.of();
        }
        List<PatternDescr> branches = new ArrayList<>(codes.size());
        for (String code : codes) {
            PatternDescr copy = new PatternDescr(p.getObjectType(), p.getIdentifier());
            copy.copyLocation(p);
            copy.setResource(p.getResource());
            for (int k = 0; k < constraints.size(); k++) {
                ExprConstraintDescr original = (ExprConstraintDescr) constraints.get(k);
                ExprConstraintDescr c = new ExprConstraintDescr(k == at ? "code == " + code : original.getExpression());
                c.copyLocation(original);
                c.setResource(original.getResource());
                c.setType(original.getType());
                c.setPosition(original.getPosition());
                copy.addConstraint(c);
            }
            branches.add(copy);
        }
        return branches;
    }
}

package cn.yjzf.judgment;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Inserted by a rule's consequence when a finding meets a criterion: {@code insert(HazardMatch.major(kcontext));}.
 * Cross-cutting rules (e.g. 第十四条) add their own citation to an existing match.
 */
public final class HazardMatch {

    private final int findingId;
    private final String rule;
    private final HazardGrade grade;
    private final List<Object> evidence;
    /** The rules whose citations back this match, in order: its own rule first, then those that {@link #cite} it. */
    private final List<Rule> citing = new ArrayList<>(2);
    private final String reason;
    private final String route;

    private HazardMatch(int findingId, Rule rule, HazardGrade grade, List<Object> evidence, String reason, String route) {
        this.findingId = findingId;
        this.rule = rule.getName();
        this.grade = grade;
        this.evidence = List.copyOf(evidence);
        this.citing.add(rule);
        this.reason = reason;
        this.route = route;
    }

    public static HazardMatch major(RuleContext kcontext) {
        return of(kcontext, HazardGrade.MAJOR);
    }

    public static HazardMatch general(RuleContext kcontext) {
        return of(kcontext, HazardGrade.GENERAL);
    }

    /**
     * The finding belongs to another standard (e.g. 工贸 第二条: 危险化学品、消防、燃气、特种设备): this rule set does not
     * grade it. The result stays 未匹配, with the routing citation and {@code reason} telling the officer where to go.
     */
    public static HazardMatch routed(RuleContext kcontext, String reason) {
        return of(kcontext, HazardGrade.UNMATCHED, reason);
    }

    /**
     * Like {@link #routed(RuleContext, String)}, but names the domain (e.g. 消防（火灾）): the engine takes the standard
     * or authority to apply from the rule set's {@code routes} in {@code ruleset.yaml}, so that text is data.
     */
    public static HazardMatch routedTo(RuleContext kcontext, String domain) {
        return of(kcontext, HazardGrade.UNMATCHED, null, domain);
    }

    /**
     * The standard's text leaves this situation open (e.g. an existing but failed UPS under 121号（十四））: not graded
     * by the engine; {@code reason} tells the officer what the text says and that the grade is theirs to decide.
     */
    public static HazardMatch open(RuleContext kcontext, String reason) {
        return of(kcontext, HazardGrade.UNMATCHED, reason);
    }

    private static HazardMatch of(RuleContext kcontext, HazardGrade grade) {
        return of(kcontext, grade, null);
    }

    private static HazardMatch of(RuleContext kcontext, HazardGrade grade, String reason) {
        return of(kcontext, grade, reason, null);
    }

    private static HazardMatch of(RuleContext kcontext, HazardGrade grade, String reason, String route) {
        List<Object> evidence = new ArrayList<>(4);
        int findingId = 0;
        boolean scoped = false;
        for (Object o : kcontext.getMatch().getObjects()) {
            if (o instanceof Answer) {
                evidence.add(o);
            } else if (!scoped && o instanceof EnterpriseFacts e) {
                // every rule starts with its finding's EnterpriseFacts (FindingScope puts it there)
                findingId = e.getFindingId();
                scoped = true;
            }
        }
        return new HazardMatch(findingId, kcontext.getRule(), grade, evidence, reason, route);
    }

    /** Adds the citation of the firing rule (used by cross-cutting articles such as 第十四条). */
    public void cite(RuleContext kcontext) {
        Rule r = kcontext.getRule();
        if (citing.stream().noneMatch(c -> c.getName().equals(r.getName()))) {
            citing.add(r);
        }
    }

    /** The finding of the session this match belongs to. */
    public int getFindingId() { return findingId; }

    /** The citations backing this match, taken from those computed once per rule set ({@code byRule}) when listed there. */
    List<Citation> citations(java.util.Map<String, Citation> byRule) {
        List<Citation> out = new ArrayList<>(citing.size());
        for (Rule r : citing) {
            Citation c = byRule.get(r.getName());
            out.add(c != null ? c : Citation.fromMetadata(r.getName(), r.getMetaData()));
        }
        return out;
    }

    public String getRule() { return rule; }

    public HazardGrade getGrade() { return grade; }

    public boolean isMajor() { return grade == HazardGrade.MAJOR; }

    /** The answers that made the rule fire. */
    public List<Object> getEvidence() { return evidence; }

    public List<Citation> getCitations() {
        return citing.stream().map(r -> Citation.fromMetadata(r.getName(), r.getMetaData())).toList();
    }

    /** Why a routed match is left ungraded; null for graded matches. */
    public String getReason() { return reason; }

    /** The domain a {@link #routedTo} match sends the finding to; null otherwise. */
    public String getRoute() { return route; }

    /**
     * Routed (第二条) or left open by the text: such a match is never overridden by a 一般 from another answer
     * (common/general.drl does not fire beside it; the engine ranks it above 一般).
     */
    public boolean isUndecided() { return grade == HazardGrade.UNMATCHED; }
}

package cn.yjzf.judgment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One rule set (a directory, ending in '/'), compiled: its manifest, checklist, rules and the KieBase that evaluates them.
 * Sessions come from a pool: a disposed pooled session is reset and reused, which is several times cheaper than
 * creating one per finding. What the engine needs per answer or per match is looked up here, computed once per rule
 * set: the checklist question by code and the citation of each rule (from its metadata).
 */
public record CompiledRuleSet(String dir, RuleSetManifest manifest, Checklist checklist, List<RuleDescriptor> rules,
                              KieBase kieBase, KieSessionsPool sessions, String hash,
                              Map<String, ChecklistQuestion> questions, Map<String, Citation> citations) {

    public CompiledRuleSet(String dir, RuleSetManifest manifest, Checklist checklist, List<RuleDescriptor> rules,
                           KieBase kieBase, KieSessionsPool sessions, String hash) {
        this(dir, manifest, checklist, rules, kieBase, sessions, hash, questionsByCode(checklist), citationsByRule(rules));
    }

    public RuleSetRef ref() {
        return new RuleSetRef(manifest.id(), manifest.version(), hash);
    }

    public Optional<ChecklistQuestion> question(String code) {
        return Optional.ofNullable(questions.get(code));
    }

    private static Map<String, ChecklistQuestion> questionsByCode(Checklist checklist) {
        Map<String, ChecklistQuestion> byCode = new HashMap<>();
        checklist.groups().forEach(g -> g.questions().forEach(q -> byCode.putIfAbsent(q.code(), q)));
        return Map.copyOf(byCode);
    }

    private static Map<String, Citation> citationsByRule(List<RuleDescriptor> rules) {
        Map<String, Citation> byRule = new HashMap<>();
        rules.forEach(r -> byRule.putIfAbsent(r.name(), r.citation()));
        return Map.copyOf(byRule);
    }
}

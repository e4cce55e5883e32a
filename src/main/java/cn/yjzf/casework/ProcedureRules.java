package cn.yjzf.casework;

import cn.yjzf.casework.facts.CaseFacts;
import cn.yjzf.casework.facts.Missing;
import cn.yjzf.judgment.LiveFamily;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RulesProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Component;

/**
 * The procedure rule family ({@code rules/procedure/}) in force on this instance: seeded from the rules directory at
 * start-up, then the live release's (hot-swapped by {@code rulerelease.LiveRules}, see {@link LiveFamily}). Each rule
 * that fires names a missing step with its citation; every evaluation says which version decided it.
 */
@Component
public class ProcedureRules extends LiveFamily<KieBase> {

    public static final String FAMILY = ProcedureFamily.ROOT;

    @org.springframework.beans.factory.annotation.Autowired
    ProcedureRules(RulesProperties properties) {
        super(new ProcedureFamily(), RuleFiles.read(properties.dir()));
    }

    /** Compiled from these files; a compile error throws (file:line). */
    public ProcedureRules(RuleFiles files) {
        super(new ProcedureFamily(), files);
        if (startupFailure() != null) {
            throw startupFailure();
        }
    }

    /** What the rules say is missing before {@code facts.action} may happen; empty when it may. */
    public List<Missing> missing(CaseFacts facts) {
        return evaluate(facts).missing();
    }

    /** {@code version} is the rule-set version that evaluated the step ({@link Installed#version()}). */
    public record Evaluation(List<Missing> missing, List<String> fired, String version) {
    }

    public Evaluation evaluate(CaseFacts facts) {
        Installed<KieBase> rules = require(); // one snapshot for the whole evaluation
        Evaluation e = evaluate(rules.rules(), facts);
        return new Evaluation(e.missing(), e.fired(), rules.version());
    }

    static Evaluation evaluate(KieBase kieBase, CaseFacts facts) {
        KieSession session = kieBase.newKieSession();
        List<String> fired = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(facts);
            session.fireAllRules();
            List<Missing> missing = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Missing)) {
                missing.add((Missing) o);
            }
            missing.sort(java.util.Comparator.comparing(Missing::rule));
            return new Evaluation(List.copyOf(missing), List.copyOf(fired), null);
        } finally {
            session.dispose();
        }
    }

    /** Names of all rules in the family (for the scenario coverage gate). */
    public List<String> ruleNames() {
        return require().rules().getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(r -> r.getName())
                .sorted().toList();
    }

    /** Metadata of one rule, or an empty map. */
    public Map<String, Object> metadata(String rule) {
        return require().rules().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .filter(r -> r.getName().equals(rule)).findFirst().map(r -> r.getMetaData()).orElse(Map.of());
    }
}

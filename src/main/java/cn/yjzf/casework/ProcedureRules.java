package cn.yjzf.casework;

import cn.yjzf.casework.facts.CaseFacts;
import cn.yjzf.casework.facts.Missing;
import cn.yjzf.judgment.RuleBaseLoader;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.judgment.RulesProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Component;

/**
 * The procedure rule family ({@code rules/procedure/}): compiled with the judgment package's compiler (errors as
 * {@code 文件:行号}), evaluated for a requested step. Each rule that fires names a missing step with its citation.
 */
@Component
public class ProcedureRules {

    public static final String FAMILY = "procedure/";

    private final KieBase kieBase;

    @org.springframework.beans.factory.annotation.Autowired
    ProcedureRules(RulesProperties properties) {
        this(RuleFiles.read(properties.dir()));
    }

    public ProcedureRules(RuleFiles files) {
        Map<String, String> drl = new LinkedHashMap<>();
        files.under(FAMILY).forEach((path, text) -> {
            if (path.endsWith(".drl") && !path.startsWith(FAMILY + "scenarios/")) {
                drl.put(path, text);
            }
        });
        this.kieBase = new RuleBaseLoader().compile(files, "procedure", drl);
    }

    /** What the rules say is missing before {@code facts.action} may happen; empty when it may. */
    public List<Missing> missing(CaseFacts facts) {
        return evaluate(facts).missing();
    }

    public record Evaluation(List<Missing> missing, List<String> fired) {
    }

    public Evaluation evaluate(CaseFacts facts) {
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
            return new Evaluation(List.copyOf(missing), List.copyOf(fired));
        } finally {
            session.dispose();
        }
    }

    /** Names of all rules in the family (for the scenario coverage gate). */
    public List<String> ruleNames() {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(r -> r.getName()).sorted().toList();
    }

    /** Metadata of one rule, or an empty map. */
    public Map<String, Object> metadata(String rule) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .filter(r -> r.getName().equals(rule)).findFirst().map(r -> r.getMetaData()).orElse(Map.of());
    }
}

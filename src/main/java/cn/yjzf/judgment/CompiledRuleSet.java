package cn.yjzf.judgment;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One rule-set directory ({@code dir}, relative to the rules directory, ending in '/'), compiled: its manifest, checklist, rules and the KieBase that evaluates them.
 * Sessions come from a pool: a disposed pooled session is reset and reused, which is several times cheaper than
 * creating one per finding.
 */
public record CompiledRuleSet(String dir, RuleSetManifest manifest, Checklist checklist, List<RuleDescriptor> rules,
                              KieBase kieBase, KieSessionsPool sessions, String hash) {

    public RuleSetRef ref() {
        return new RuleSetRef(manifest.id(), manifest.version(), hash);
    }
}

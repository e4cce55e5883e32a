package cn.yjzf.judgment;

import java.util.List;
import org.kie.api.KieBase;

/** One rule-set directory ({@code dir}, relative to the rules directory, ending in '/'), compiled: its manifest, checklist, rules and the KieBase that evaluates them. */
public record CompiledRuleSet(String dir, RuleSetManifest manifest, Checklist checklist, List<RuleDescriptor> rules,
                              KieBase kieBase, String hash) {

    public RuleSetRef ref() {
        return new RuleSetRef(manifest.id(), manifest.version(), hash);
    }
}

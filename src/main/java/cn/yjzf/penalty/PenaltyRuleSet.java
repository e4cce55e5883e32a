package cn.yjzf.penalty;

import cn.yjzf.judgment.RuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;

/** A compiled penalty rule family: its manifest, the 违法行为库 and the KieBase of its frame rules. */
public record PenaltyRuleSet(String dir, PenaltySetManifest manifest, List<Violation> violations, List<RuleDescriptor> rules,
        KieBase kieBase, String hash) {

    public Optional<Violation> violation(String code) {
        return violations.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    public Map<String, Violation> byCode() {
        return violations.stream().collect(Collectors.toMap(Violation::code, Function.identity()));
    }

    /** "anquanfa-2021@1.0.0#sha256:…" as recorded on every proposal. */
    public String ref() {
        return manifest.ref() + "#sha256:" + hash;
    }
}

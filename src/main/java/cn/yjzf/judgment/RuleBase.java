package cn.yjzf.judgment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of every compiled rule set and the files it was compiled from; replaced as a whole, never
 * mutated.
 */
public record RuleBase(List<CompiledRuleSet> ruleSets, RuleFiles files, Instant compiledAt) {

    /** Where the files came from: the rules directory, the packaged copy or a release. */
    public String origin() {
        return files.origin();
    }

    public List<CompiledRuleSet> inForce(LocalDate date, String sector) {
        return ruleSets.stream()
                .filter(s -> s.manifest().covers(sector) && s.manifest().inForceOn(date))
                .toList();
    }

    /** Only the rule sets with these content hashes: re-judging a finding with exactly the sets it was judged with. */
    public RuleBase restrictedTo(java.util.Collection<RuleSetRef> refs) {
        java.util.Set<String> hashes = refs.stream().map(RuleSetRef::hash).collect(java.util.stream.Collectors.toSet());
        return new RuleBase(ruleSets.stream().filter(s -> hashes.contains(s.hash())).toList(), files, compiledAt);
    }

    public Optional<ChecklistQuestion> question(List<CompiledRuleSet> sets, String code) {
        return sets.stream().map(s -> s.question(code)).flatMap(Optional::stream).findFirst();
    }
}

package cn.yjzf.rulerelease;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** One rule set inside a release, as a judgment records it: id, version, content hash and validity period. */
@Embeddable
public class ReleasedRuleSet {

    @Column(name = "set_id")
    private String setId;
    @Column(name = "set_version")
    private String setVersion;
    private String hash;
    private String name;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;

    protected ReleasedRuleSet() {
    }

    ReleasedRuleSet(String setId, String setVersion, String hash, String name, LocalDate effectiveFrom,
                    LocalDate effectiveTo) {
        this.setId = setId;
        this.setVersion = setVersion;
        this.hash = hash;
        this.name = name;
        this.effectiveFrom = effectiveFrom;
        this.effectiveTo = effectiveTo;
    }

    static ReleasedRuleSet of(cn.yjzf.judgment.sandbox.SandboxResult.RuleSet s) {
        return new ReleasedRuleSet(s.id(), s.version(), s.hash(), s.name(), s.effectiveFrom(), s.effectiveTo());
    }

    public String getSetId() { return setId; }

    public String getSetVersion() { return setVersion; }

    public String getHash() { return hash; }

    public String getName() { return name; }

    public LocalDate getEffectiveFrom() { return effectiveFrom; }

    public LocalDate getEffectiveTo() { return effectiveTo; }
}

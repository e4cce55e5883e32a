package cn.yjzf.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The security administrator's settings; a null field falls back to the deployment's configuration. */
@Entity
@Table(name = "security_policy")
class SecurityPolicyRecord {

    @Id
    private Integer id;
    private Integer minLength;
    private Integer minCharacterClasses;
    private Integer history;
    private Integer maxAgeDays;
    private Integer maxFailures;
    private Integer lockMinutes;
    private String changedBy;
    private Instant changedAt;
    @Version
    private long version;

    protected SecurityPolicyRecord() {
    }

    void set(PolicyForm f, String by) {
        this.minLength = f.minLength();
        this.minCharacterClasses = f.minCharacterClasses();
        this.history = f.history();
        this.maxAgeDays = f.maxAgeDays();
        this.maxFailures = f.maxFailures();
        this.lockMinutes = f.lockMinutes();
        this.changedBy = by;
        this.changedAt = Instant.now();
    }

    Integer getMinLength() { return minLength; }

    Integer getMinCharacterClasses() { return minCharacterClasses; }

    Integer getHistory() { return history; }

    Integer getMaxAgeDays() { return maxAgeDays; }

    Integer getMaxFailures() { return maxFailures; }

    Integer getLockMinutes() { return lockMinutes; }

    String getChangedBy() { return changedBy; }

    Instant getChangedAt() { return changedAt; }

    long getVersion() { return version; }
}

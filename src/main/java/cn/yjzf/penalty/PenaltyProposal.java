package cn.yjzf.penalty;

import cn.yjzf.common.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored proposal: the request, both 从旧兼从轻 computations (result JSON, which records rule-set and 基准 versions
 * and fired rules), and the officer's decision with its flag when it leaves the proposed range.
 */
@Entity
@Table(name = "penalty_proposal")
public class PenaltyProposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private Long townshipId;
    private String createdBy;
    private Instant createdAt;
    private LocalDate violationDate;
    private LocalDate decisionDate;
    private String requestJson;
    private String resultJson;
    private String decisionJson;
    private String decidedBy;
    private Instant decidedAt;
    private boolean flagged;
    /** The penalty rule version that computed the proposal ("发布版本#12 sha256:…"); null for proposals before V105. */
    private String rulesVersion;
    @Version
    private long version;

    protected PenaltyProposal() {
    }

    PenaltyProposal(Long agencyId, Long townshipId, String createdBy, Instant at, LocalDate violationDate,
            LocalDate decisionDate, String requestJson, String resultJson, String rulesVersion) {
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.createdBy = createdBy;
        this.createdAt = at;
        this.violationDate = violationDate;
        this.decisionDate = decisionDate;
        this.requestJson = requestJson;
        this.resultJson = resultJson;
        this.rulesVersion = rulesVersion;
    }

    void decide(long expectedVersion, String by, String decisionJson, boolean flagged, Instant at) {
        if (expectedVersion != version) {
            throw new ConflictException("CONCURRENT_EDIT", "处罚建议已被他人修改，请刷新后重试");
        }
        this.decidedBy = by;
        this.decisionJson = decisionJson;
        this.flagged = flagged;
        this.decidedAt = at;
    }

    public Long getId() { return id; }

    public Long getAgencyId() { return agencyId; }

    public Long getTownshipId() { return townshipId; }

    public String getCreatedBy() { return createdBy; }

    public Instant getCreatedAt() { return createdAt; }

    public LocalDate getViolationDate() { return violationDate; }

    public LocalDate getDecisionDate() { return decisionDate; }

    public String getRequestJson() { return requestJson; }

    public String getResultJson() { return resultJson; }

    public String getDecisionJson() { return decisionJson; }

    public String getDecidedBy() { return decidedBy; }

    public Instant getDecidedAt() { return decidedAt; }

    public boolean isFlagged() { return flagged; }

    public String getRulesVersion() { return rulesVersion; }

    public long getVersion() { return version; }
}

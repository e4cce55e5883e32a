package cn.yjzf.publication;

import cn.yjzf.common.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A penalty decision as published: a redacted snapshot, withdrawable with a reason (行政处罚法 第四十八条). */
@Entity
public class PublicationEntry {

    enum Status { PUBLISHED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private Long agencyId;
    private Long townshipId;
    private String agencyName;
    private String party;
    private String partyType;
    private String cause;
    private String penalty;
    private BigDecimal fine;
    private LocalDate decidedOn;
    private LocalDate dueOn;
    private LocalDate publishedOn;
    private Long publishedBy;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    private LocalDate withdrawnOn;
    private Long withdrawnBy;
    private String withdrawnReason;
    @Version
    private long version;

    protected PublicationEntry() {
    }

    PublicationEntry(Long caseId, Long agencyId, Long townshipId, String agencyName, String party, String partyType,
                     String cause, String penalty, BigDecimal fine, LocalDate decidedOn, LocalDate dueOn,
                     LocalDate publishedOn, Long publishedBy) {
        this.caseId = caseId;
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.agencyName = agencyName;
        this.party = party;
        this.partyType = partyType;
        this.cause = cause;
        this.penalty = penalty;
        this.fine = fine;
        this.decidedOn = decidedOn;
        this.dueOn = dueOn;
        this.publishedOn = publishedOn;
        this.publishedBy = publishedBy;
        this.status = Status.PUBLISHED;
    }

    void withdraw(String reason, LocalDate on, Long by) {
        if (status == Status.WITHDRAWN) {
            throw new ConflictException("ALREADY_WITHDRAWN", "该公示已撤回");
        }
        status = Status.WITHDRAWN;
        withdrawnReason = reason;
        withdrawnOn = on;
        withdrawnBy = by;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getAgencyId() { return agencyId; }
    public Long getTownshipId() { return townshipId; }
    public String getAgencyName() { return agencyName; }
    public String getParty() { return party; }
    public String getPartyType() { return partyType; }
    public String getCause() { return cause; }
    public String getPenalty() { return penalty; }
    public BigDecimal getFine() { return fine; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDate getPublishedOn() { return publishedOn; }
    public Status getStatus() { return status; }
    public boolean isWithdrawn() { return status == Status.WITHDRAWN; }
    public LocalDate getWithdrawnOn() { return withdrawnOn; }
    public String getWithdrawnReason() { return withdrawnReason; }
    public long getVersion() { return version; }
}

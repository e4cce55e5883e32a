package cn.yjzf.penalty;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;

/**
 * An amount from which a procedure applies (听证 / 法制审核 / 集体讨论 / 公开) for one subject type (单位 / 个人), per agency
 * and validity, with its source. The values differ by province and date and the 2026 办法's defaults were not
 * obtained (casework-facts §3), so they exist only as data.
 */
@Entity
@Table(name = "penalty_threshold")
public class PenaltyThreshold {

    public static final List<String> PURPOSES = List.of("听证", "法制审核", "集体讨论", "公开");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String purpose;
    private String subjectType;
    private long amount;
    private boolean inclusive;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String source;

    protected PenaltyThreshold() {
    }

    public PenaltyThreshold(Long agencyId, String purpose, String subjectType, long amount, boolean inclusive,
            LocalDate validFrom, LocalDate validTo, String source) {
        this.agencyId = agencyId;
        this.purpose = purpose;
        this.subjectType = subjectType;
        this.amount = amount;
        this.inclusive = inclusive;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.source = source;
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public boolean reachedBy(long fine) {
        return inclusive ? fine >= amount : fine > amount;
    }

    public Long getId() { return id; }

    public Long getAgencyId() { return agencyId; }

    public String getPurpose() { return purpose; }

    public String getSubjectType() { return subjectType; }

    public long getAmount() { return amount; }

    public boolean isInclusive() { return inclusive; }

    public String getSource() { return source; }
}

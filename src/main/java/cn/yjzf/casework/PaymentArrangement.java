package cn.yjzf.casework;

import cn.yjzf.common.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 延期/分期缴纳罚款 (行政处罚法第六十六条第二款): the party's application with its reason and plan, decided once by the
 * 负责人; once approved the payment deadlines and 加处罚款 follow the instalments. A deferral is one instalment.
 */
@Entity
public class PaymentArrangement {

    public enum Kind {
        DEFERRAL("延期缴纳"), INSTALMENTS("分期缴纳");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String reason;
    private LocalDate appliedOn;
    private Long requestedBy;
    private Instant requestedAt;
    @jakarta.persistence.Embedded
    private ApproverDecision decision = new ApproverDecision();
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    @JoinColumn(name = "arrangement_id", nullable = false)
    @OrderBy("seq")
    private List<PaymentInstalment> instalments = new ArrayList<>();
    @Version
    private long version;

    protected PaymentArrangement() {
    }

    PaymentArrangement(Long caseId, Kind kind, String reason, LocalDate appliedOn, List<PaymentInstalment> plan,
                       Long requestedBy) {
        this.caseId = caseId;
        this.kind = kind;
        this.reason = reason;
        this.appliedOn = appliedOn;
        this.instalments = new ArrayList<>(plan);
        this.requestedBy = requestedBy;
        this.requestedAt = Instant.now();
    }

    void decide(boolean approve, Long by, LocalDate on, String note) {
        decision.decide(approve, by, on, note, "延期（分期）缴纳申请");
    }

    /** Applies a payment to the earliest instalments still open; returns what could not be applied (overpayment). */
    BigDecimal pay(BigDecimal amount, LocalDate on) {
        if (getStatus() != Decision.APPROVED) {
            throw new ConflictException("NOT_APPROVED", "延期（分期）缴纳尚未批准");
        }
        BigDecimal left = amount;
        for (PaymentInstalment i : instalments) {
            if (left.signum() <= 0) {
                break;
            }
            left = i.pay(left, on);
        }
        return left;
    }

    public BigDecimal total() {
        return instalments.stream().map(PaymentInstalment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal paid() {
        return instalments.stream().map(PaymentInstalment::getPaidAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Kind getKind() { return kind; }
    public String getReason() { return reason; }
    public LocalDate getAppliedOn() { return appliedOn; }
    public Long getRequestedBy() { return requestedBy; }
    public Decision getStatus() { return decision.getStatus(); }
    public Long getDecidedBy() { return decision.getDecidedBy(); }
    public LocalDate getDecidedOn() { return decision.getDecidedOn(); }
    public String getDecisionNote() { return decision.getDecisionNote(); }
    public List<PaymentInstalment> getInstalments() { return List.copyOf(instalments); }
    public long getVersion() { return version; }
}

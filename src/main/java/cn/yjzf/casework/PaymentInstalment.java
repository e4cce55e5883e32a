package cn.yjzf.casework;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One instalment of an approved plan: due date, amount, what was paid and when it was paid in full. */
@Entity
public class PaymentInstalment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int seq;
    private LocalDate dueOn;
    private BigDecimal amount;
    private BigDecimal paidAmount = BigDecimal.ZERO;
    private LocalDate paidOn;

    protected PaymentInstalment() {
    }

    PaymentInstalment(int seq, LocalDate dueOn, BigDecimal amount) {
        this.seq = seq;
        this.dueOn = dueOn;
        this.amount = amount;
    }

    /** Takes what this instalment still needs from {@code offered}; returns the rest. */
    BigDecimal pay(BigDecimal offered, LocalDate on) {
        BigDecimal open = amount.subtract(paidAmount);
        if (open.signum() <= 0) {
            return offered;
        }
        BigDecimal take = offered.min(open);
        paidAmount = paidAmount.add(take);
        if (paidAmount.compareTo(amount) >= 0) {
            paidOn = on;
        }
        return offered.subtract(take);
    }

    public boolean isSettled() { return paidAmount.compareTo(amount) >= 0; }
    public Long getId() { return id; }
    public int getSeq() { return seq; }
    public LocalDate getDueOn() { return dueOn; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getPaidAmount() { return paidAmount; }
    public LocalDate getPaidOn() { return paidOn; }
}

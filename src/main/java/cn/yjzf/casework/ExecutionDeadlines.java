package cn.yjzf.casework;

import cn.yjzf.casework.CaseDeadlines.Deadline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Deadline rows from the records beside the case: the 办案期限 cites an approved extension; an approved 延期/分期
 * plan replaces the 15-day payment row by one row per instalment with its 加处罚款; a served 催告书 adds the day from
 * which the court may be applied to (行政强制法第五十四条: ten working days, 第六十九条).
 */
@Component
class ExecutionDeadlines implements CaseDeadlines.Contributor {

    static final String HANDLING_LABEL = "办案期限（作出处罚决定）";
    static final String PAYMENT_LABEL = "缴纳罚款";

    private final DeadlineExtensionRepository extensions;
    private final PaymentArrangementRepository arrangements;
    private final EnforcementDemandRepository demands;

    ExecutionDeadlines(DeadlineExtensionRepository extensions, PaymentArrangementRepository arrangements,
                       EnforcementDemandRepository demands) {
        this.extensions = extensions;
        this.arrangements = arrangements;
        this.demands = demands;
    }

    @Override
    public List<Deadline> adjust(PenaltyCase c, List<Deadline> rows, LocalDate today, CaseDeadlines d) {
        if (c.getId() == null) {
            return rows;
        }
        List<Deadline> out = new ArrayList<>();
        DeadlineExtension ext = extensions.findByCaseIdOrderById(c.getId()).stream()
                .filter(e -> e.getStatus() == Decision.APPROVED).reduce((a, b) -> b).orElse(null);
        PaymentArrangement plan = arrangements.findByCaseIdOrderById(c.getId()).stream()
                .filter(a -> a.getStatus() == Decision.APPROVED).findFirst().orElse(null);
        for (Deadline row : rows) {
            if (ext != null && row.label().equals(HANDLING_LABEL)) {
                out.add(new Deadline(row.label(), row.due(), row.basis() + "；经负责人批准延长至 " + ext.getRequestedDue()
                        + "（延期审批 #" + ext.getId() + "，" + ext.getDecidedOn() + " 批准，原期限 " + ext.getPreviousDue() + "）",
                        row.workingDays(), row.exact(), row.status(), row.note()));
            } else if (plan != null && row.label().equals(PAYMENT_LABEL)) {
                out.addAll(instalmentRows(plan, c, today, d));
            } else if (plan == null && row.label().equals(PAYMENT_LABEL) && row.status() == CaseDeadlines.Status.OVERDUE) {
                BigDecimal fee = CaseDeadlines.lateFee(c.getProposedFine(), row.due(), today);
                out.add(new Deadline(row.label(), row.due(), row.basis(), row.workingDays(), row.exact(), row.status(),
                        "加处罚款至今 " + fee.toPlainString() + " 元（每日 3%，不超过罚款数额，行政处罚法第七十二条）"));
            } else {
                out.add(row);
            }
        }
        demands.findByCaseIdOrderById(c.getId()).stream().reduce((a, b) -> b).ifPresent(demand -> {
            Deadline wait = d.working("催告期满（此后方可申请法院强制执行）", demand.getServedOn(), CaseDeadlines.DEMAND_WAIT_WORKING_DAYS,
                    "《行政强制法》第五十四条：催告书送达十日后当事人仍未履行的，可申请人民法院强制执行；第六十九条：十日以内为工作日",
                    c.getEnforcementAppliedOn() != null || c.executionDone(), today);
            // waiting is not the agency's to miss: never shown as overdue
            out.add(new Deadline(wait.label(), wait.due(), wait.basis(), true, wait.exact(),
                    wait.status() == CaseDeadlines.Status.DONE || today.isAfter(wait.due()) ? CaseDeadlines.Status.DONE
                            : CaseDeadlines.Status.OPEN, wait.note()));
        });
        return out;
    }

    private static List<Deadline> instalmentRows(PaymentArrangement plan, PenaltyCase c, LocalDate today, CaseDeadlines d) {
        List<Deadline> rows = new ArrayList<>();
        for (PaymentInstalment i : plan.getInstalments()) {
            String label = plan.getKind() == PaymentArrangement.Kind.DEFERRAL ? "延期缴纳罚款"
                    : "分期缴纳罚款（第" + i.getSeq() + "期，" + i.getAmount().toPlainString() + " 元）";
            Deadline row = d.natural(label, i.getDueOn(), "《行政处罚法》第六十六条第二款：经负责人批准（审批 #" + plan.getId() + "，"
                    + plan.getDecidedOn() + "）", i.isSettled() || c.getEnforcementAppliedOn() != null, today);
            BigDecimal fee = CaseDeadlines.lateFee(i.getAmount(), i.getDueOn(), i.getPaidOn() != null ? i.getPaidOn() : today);
            String note = fee.signum() > 0 ? "加处罚款 " + fee.toPlainString() + " 元（每日 3%，不超过该期金额，第七十二条）" : "";
            rows.add(new Deadline(row.label(), row.due(), row.basis(), false, true, row.status(), note));
        }
        return rows;
    }
}

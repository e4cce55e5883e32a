package cn.yjzf.casework;

import cn.yjzf.calendar.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The statutory deadlines of a case. 二日、三日、五日、七日 of the 行政处罚法 are working days (第八十五条), as are periods
 * of up to ten days of the 行政强制法 (第六十九条); the others are natural days. A period starts the day after its
 * triggering event. Whether a natural-day period ending on a holiday moves to the next working day is not stated
 * in the reference texts, so it is not moved (docs/casework.md, known gaps).
 */
@Component
public class CaseDeadlines {

    /** 《行政处罚法》第六十条：自立案之日起九十日内作出决定（自然日）. */
    static final int HANDLING_DAYS = 90;
    /** 《行政处罚法》第六十七条第三款：收到决定书之日起十五日内缴纳罚款（自然日）. */
    static final int PAYMENT_DAYS = 15;
    /** 《行政复议法》（2023）第二十条：知道行政行为之日起六十日内申请行政复议（自然日）. */
    static final int REVIEW_DAYS = 60;
    /** 《行政诉讼法》第四十六条：知道作出行政行为之日起六个月内提起诉讼. */
    static final int LITIGATION_MONTHS = 6;
    /** 《行政强制法》第五十四条：催告书送达十日后仍未履行的方可申请强制执行；第六十九条：十日以内为工作日. */
    static final int DEMAND_WAIT_WORKING_DAYS = 10;

    public enum Status { DONE, OPEN, DUE_SOON, OVERDUE }

    public record Deadline(String label, LocalDate due, String basis, boolean workingDays, boolean exact, Status status,
                           String note) {
    }

    private final WorkingDayCalendar calendar;
    private final int warnDays;

    CaseDeadlines(WorkingDayCalendar calendar, @Value("${app.casework.warn-days:3}") int warnDays) {
        this.calendar = calendar;
        this.warnDays = warnDays;
    }

    public List<Deadline> of(PenaltyCase c, LocalDate today) {
        List<Deadline> list = new ArrayList<>();
        if (c.getFiledOn() != null && c.getProcedure() == CaseEnums.Procedure.GENERAL) {
            LocalDate due = c.getHandlingDeadline() != null ? c.getHandlingDeadline() : c.getFiledOn().plusDays(HANDLING_DAYS);
            list.add(natural("办案期限（作出处罚决定）", due, "《行政处罚法》第六十条：自立案之日起九十日内",
                    c.getDecidedOn() != null || c.getOutcome() != null && c.getOutcome() != CaseEnums.Outcome.PENALTY
                            && c.getStage() == Stage.CLOSED, today));
        }
        if (c.getNoticeServedOn() != null && c.isHearingQualifies()) {
            list.add(working("听证申请期限", c.getNoticeServedOn(), 5, "《行政处罚法》第六十四条第（一）项、第八十五条",
                    c.getHearingRequestedOn() != null || c.isStatementConcluded(), today));
        }
        if (c.getDecidedOn() != null && c.getProcedure() == CaseEnums.Procedure.GENERAL) {
            list.add(working("决定书送达（当事人不在场）", c.getDecidedOn(), 7, "《行政处罚法》第六十一条、第八十五条",
                    c.getDecisionServedOn() != null, today));
        }
        if (c.getDecisionServedOn() != null && c.getProposedFine() != null && c.getProposedFine().signum() > 0) {
            LocalDate served = c.getDecisionServedOn();
            Deadline pay = natural("缴纳罚款", served.plusDays(PAYMENT_DAYS), "《行政处罚法》第六十七条第三款：收到决定书之日起十五日内",
                    c.executionDone(), today);
            list.add(pay);
            LocalDate review = served.plusDays(REVIEW_DAYS);
            LocalDate suit = served.plusMonths(LITIGATION_MONTHS);
            list.add(partyWindow("当事人申请行政复议", review, "《行政复议法》第二十条：知道行政行为之日起六十日内", today));
            list.add(partyWindow("当事人提起行政诉讼", suit, "《行政诉讼法》第四十六条：知道行政行为之日起六个月内", today));
            list.add(natural("申请法院强制执行", suit.plusMonths(3),
                    "《行政强制法》第五十三条：复议、诉讼期限届满之日起三个月内；申请前催告，催告书送达十日（工作日，第六十九条）后",
                    c.executionDone(), today));
        }
        if (c.isCriminalFlag() && c.getCriminalFlaggedOn() != null) {
            list.add(natural("涉嫌犯罪案件移送审批", c.getCriminalFlaggedOn().plusDays(3),
                    "国务院令第310号第五条：负责人自接到报告之日起3日内作出决定", c.getTransferDecision() != null, today));
            if (c.getTransferDecision() == CaseEnums.TransferDecision.TRANSFER) {
                list.add(natural("向公安机关移送", c.getTransferDecidedOn().plusDays(1),
                        "国务院令第310号第五条：批准后24小时内移送（按决定日次日计）", false, today));
            }
        }
        for (Contributor contributor : contributors) {
            list = contributor.adjust(c, list, today, this);
        }
        return list;
    }

    /** Records kept beside the case (extensions, payment plans, 催告) that change or add rows. */
    interface Contributor {
        List<Deadline> adjust(PenaltyCase c, List<Deadline> rows, LocalDate today, CaseDeadlines deadlines);
    }

    private List<Contributor> contributors = List.of();

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setContributors(List<Contributor> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    /** 加处罚款 (第七十二条): 3% of the fine per day overdue, never above the fine (行政强制法第四十五条). */
    public static BigDecimal lateFee(BigDecimal fine, LocalDate paymentDue, LocalDate on) {
        if (fine == null || !on.isAfter(paymentDue)) {
            return BigDecimal.ZERO;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(paymentDue, on);
        BigDecimal fee = fine.multiply(new BigDecimal("0.03")).multiply(BigDecimal.valueOf(days));
        return fee.min(fine).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    Deadline working(String label, LocalDate start, int days, String basis, boolean done, LocalDate today) {
        WorkingDayCalendar.Due due = calendar.plusWorkingDays(start, days);
        String note = due.exact() ? "" : "未录入" + due.yearsWithoutSchedule() + "年放假安排，按周末和固定日期法定节假日推算";
        return new Deadline(label, due.date(), basis + "（" + days + "个工作日）", true, due.exact(),
                status(due.date(), done, today), note);
    }

    Deadline natural(String label, LocalDate due, String basis, boolean done, LocalDate today) {
        return new Deadline(label, due, basis, false, true, status(due, done, today), "");
    }

    /** A window of the party's (复议, 诉讼): never overdue for the agency, simply over once passed. */
    private static Deadline partyWindow(String label, LocalDate due, String basis, LocalDate today) {
        return new Deadline(label, due, basis, false, true, today.isAfter(due) ? Status.DONE : Status.OPEN, "当事人的权利期限");
    }

    /** Status of a task's due date (none: open). */
    public Status statusOf(LocalDate due, LocalDate today) {
        return due == null ? Status.OPEN : status(due, false, today);
    }

    private Status status(LocalDate due, boolean done, LocalDate today) {
        if (done) {
            return Status.DONE;
        }
        if (today.isAfter(due)) {
            return Status.OVERDUE;
        }
        return today.plusDays(warnDays).isBefore(due) ? Status.OPEN : Status.DUE_SOON;
    }
}

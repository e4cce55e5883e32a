package cn.yjzf.rectification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.Map;

/**
 * Issuing the order for an inspection: the issue date, a deadline for every hazard (by finding number as shown,
 * 1-based) or one {@code defaultDeadline} for those not listed.
 */
public record IssueOrder(
        @NotNull(message = "请填写下达日期") @PastOrPresent(message = "下达日期不能晚于今天") LocalDate issueDate,
        LocalDate defaultDeadline,
        Map<Integer, LocalDate> deadlines) {
}

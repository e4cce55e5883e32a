package cn.yjzf.rectification;

import cn.yjzf.common.input.InputBounds;
import cn.yjzf.common.input.SaneDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * Issuing the order for an inspection: the issue date, a deadline for every hazard (by finding number as shown,
 * 1-based) or one {@code defaultDeadline} for those not listed.
 */
public record IssueOrder(
        @NotNull(message = "请填写下达日期") @SaneDate(message = "下达日期应在 1949-10-01 至今天之间") LocalDate issueDate,
        @SaneDate(yearsAhead = InputBounds.MAX_YEARS_AHEAD, message = "整改期限不能晚于今后十年") LocalDate defaultDeadline,
        @Size(max = 500, message = "整改期限过多") Map<@NotNull @Min(value = 1, message = "检查发现序号从1开始") Integer,
                @NotNull(message = "请填写整改期限")
                @SaneDate(yearsAhead = InputBounds.MAX_YEARS_AHEAD, message = "整改期限不能晚于今后十年") LocalDate> deadlines) {
}

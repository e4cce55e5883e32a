package cn.yjzf.supervision;

import cn.yjzf.common.input.InputBounds;
import cn.yjzf.common.input.NoControlChars;
import cn.yjzf.common.input.SaneDate;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One step on a listing. {@code version} is the one the caller saw (stale → 409 {@code CONCURRENT_EDIT}); the rest
 * as the step needs: {@code plan} (part code → content) and {@code funds} for the plan, {@code until} and
 * {@code note} (the reason) for an extension request, {@code approve} for its decision, {@code passed} and
 * {@code note} (evidence) for 验收, {@code note} for 销号.
 */
public record ListingAction(
        @NotNull(message = "缺少版本号") Long version,
        @Size(max = 1000, message = "说明不能超过1000字") @NoControlChars(multiline = true) String note,
        @Size(max = 20, message = "方案要素过多")
        Map<@NotNull @Size(max = 30, message = "要素代码过长") @NoControlChars String,
                @NotNull(message = "请填写方案要素") @Size(max = 1000, message = "方案要素不能超过1000字")
                @NoControlChars(multiline = true) String> plan,
        @DecimalMin(value = "0", message = "治理资金不能为负数")
        @Digits(integer = 13, fraction = 2, message = "治理资金（元）最多13位整数、2位小数") BigDecimal funds,
        @SaneDate(yearsAhead = InputBounds.MAX_YEARS_AHEAD, message = "延期期限不能晚于今后十年") LocalDate until,
        Boolean approve,
        Boolean passed) {
}

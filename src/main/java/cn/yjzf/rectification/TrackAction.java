package cn.yjzf.rectification;

import cn.yjzf.common.input.InputBounds;
import cn.yjzf.common.input.SaneDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One step on an order item. {@code version} is the one the caller saw (stale → 409 {@code CONCURRENT_EDIT}); the
 * other fields are those the step needs: {@code note} for reports and re-inspections, {@code passed} and
 * {@code newDeadline} for a re-inspection, {@code until} for an extension request, {@code approve} for its decision,
 * {@code measures} for 第六十五条, {@code handlerIds} for 立案.
 */
public record TrackAction(
        @NotNull(message = "缺少版本号") Long version,
        @Size(max = 500, message = "说明不能超过500字") String note,
        Boolean passed,
        @SaneDate(yearsAhead = InputBounds.MAX_YEARS_AHEAD, message = "整改期限不能晚于今后十年") LocalDate newDeadline,
        @SaneDate(yearsAhead = InputBounds.MAX_YEARS_AHEAD, message = "延期期限不能晚于今后十年") LocalDate until,
        Boolean approve,
        Set<SiteMeasure> measures,
        @Size(max = 10, message = "承办人过多") List<@NotNull Long> handlerIds) {
}

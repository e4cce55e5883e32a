package cn.yjzf.supervision;

import cn.yjzf.common.input.InputBounds;
import cn.yjzf.common.input.NoControlChars;
import cn.yjzf.common.input.SaneDate;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 挂牌督办 of one major hazard (a rectification item): level, supervising document, responsible person, deadline. */
public record NewListing(
        @NotNull(message = "请选择重大事故隐患") Long trackId,
        @NotNull(message = "请选择督办层级") SupervisionLevel level,
        @NotBlank(message = "请填写督办文书文号") @Size(max = 100, message = "文号不能超过100字") @NoControlChars String documentNo,
        @NotBlank(message = "请填写责任人") @Size(max = 50, message = "责任人不能超过50字") @NoControlChars String responsiblePerson,
        @NotNull(message = "请填写督办期限")
        @SaneDate(yearsAhead = InputBounds.MAX_YEARS_AHEAD, message = "督办期限不能晚于今后十年") LocalDate deadline,
        @DecimalMin(value = "0", message = "治理资金不能为负数")
        @Digits(integer = 13, fraction = 2, message = "治理资金（元）最多13位整数、2位小数") BigDecimal funds,
        @SaneDate(message = "备案日期应在 1949-10-01 至今天之间") LocalDate filedOn,
        @SaneDate(message = "公布日期应在 1949-10-01 至今天之间") LocalDate publishedOn) {
}

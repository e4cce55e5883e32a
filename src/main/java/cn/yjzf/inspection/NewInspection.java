package cn.yjzf.inspection;

import cn.yjzf.common.input.NoControlChars;
import cn.yjzf.common.input.SaneDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

public record NewInspection(
        @NotNull(message = "请选择被检查单位") Long enterpriseId,
        @NotNull(message = "请填写检查日期") @SaneDate(message = "检查日期应在 1949-10-01 至今天之间") LocalDate inspectionDate,
        @NotBlank(message = "请填写检查场所") @Size(max = 300, message = "检查场所不超过300字") @NoControlChars String place,
        @NotNull(message = "请选择执法人员") @Size(min = 2, max = 20, message = "现场检查的执法人员应为2至20人")
        Set<@NotNull(message = "执法人员编号不能为空") Long> officerIds) {
}

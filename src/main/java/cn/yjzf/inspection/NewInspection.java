package cn.yjzf.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

public record NewInspection(
        @NotNull(message = "请选择被检查单位") Long enterpriseId,
        @NotNull(message = "请填写检查日期") @PastOrPresent(message = "检查日期不能晚于今天") LocalDate inspectionDate,
        @NotBlank(message = "请填写检查场所") @Size(max = 300, message = "检查场所不超过300字") String place,
        @NotNull(message = "请选择执法人员") @Size(min = 2, message = "现场检查的执法人员不得少于两人") Set<Long> officerIds) {
}

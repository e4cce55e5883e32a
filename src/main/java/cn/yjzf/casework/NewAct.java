package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.ActKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** An investigative act (询问笔录, 勘验笔录, 证据材料) by at least two certified officers. */
public record NewAct(@NotNull ActKind kind, @NotNull @PastOrPresent LocalDate performedOn,
                     @NotBlank @Size(max = 2000) String summary, @NotNull @Size(min = 1, max = 10) List<@NotNull Long> officerIds) {
}

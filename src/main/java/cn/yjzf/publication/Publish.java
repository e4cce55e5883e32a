package cn.yjzf.publication;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Publishing a decided case: its number. */
public record Publish(@NotNull(message = "请选择案件") @Positive(message = "案件编号无效") Long caseId) {
}

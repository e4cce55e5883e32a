package cn.yjzf.inspection;

import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.common.input.NoControlChars;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An officer's grade for a finding the rules could not match; {@code version} detects concurrent edits. */
public record ManualGrade(
        @NotNull(message = "请选择等级") HazardGrade grade,
        @NotBlank(message = "请填写判定理由和依据") @Size(max = 1000, message = "理由不超过1000字") @NoControlChars(multiline = true) String reason,
        @NotNull(message = "缺少版本号") Long version) {
}

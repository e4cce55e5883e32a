package cn.yjzf.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The officer's own words for a finding, replacing the drafted description; {@code version} detects concurrent edits. */
public record FindingDescription(
        @NotBlank(message = "请填写隐患描述") @Size(max = 2000, message = "隐患描述不超过2000字") String description,
        @NotNull(message = "缺少版本号") Long version) {
}

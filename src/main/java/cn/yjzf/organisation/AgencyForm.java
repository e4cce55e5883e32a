package cn.yjzf.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An agency as an administrator enters it; {@code version} is required when editing (optimistic locking). */
public record AgencyForm(
        @NotBlank(message = "请填写机关名称") @Size(max = 100, message = "机关名称不超过100字") String name,
        @NotBlank(message = "请填写文书代字") @Size(max = 20, message = "文书代字不超过20字") String shortName,
        @NotNull(message = "请选择机关层级") AgencyLevel level,
        Long parentId,
        Long version) {
}

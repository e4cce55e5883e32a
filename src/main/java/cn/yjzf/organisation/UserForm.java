package cn.yjzf.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An account as the system administrator enters it. Roles are not part of it: the security administrator assigns
 * them (三员分立). {@code username} is fixed after creation; {@code version} is required when editing.
 */
public record UserForm(
        @NotBlank(message = "请填写用户名")
        @Pattern(regexp = "[A-Za-z0-9_.-]{3,50}", message = "用户名为3至50位字母、数字、下划线、点或连字符") String username,
        @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不超过50字") String fullName,
        @NotNull(message = "请选择所属机关") Long agencyId,
        Long townshipId,
        @Size(max = 30, message = "执法证号不超过30字") String certificateNo,
        LocalDate certificateValidUntil,
        @Size(max = 100, message = "法律职业资格不超过100字") String legalQualification,
        Boolean enabled,
        Long version) {

    /** Enabled unless switched off (an unchecked box on the page sends false; the API may leave it out). */
    boolean active() {
        return enabled == null || enabled;
    }
}

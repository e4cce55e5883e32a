package cn.yjzf.organisation;

import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** The roles the security administrator gives an account, with the version the edit was made on. */
public record RolesForm(Set<Role> roles, @NotNull(message = "缺少版本号") Long version) {
}

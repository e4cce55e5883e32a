package cn.yjzf.organisation;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's work (三员分立): which roles an account holds (checked by {@link SeparationOfDuties})
 * and unlocking accounts locked after failed logins; within the administrator's agency and those below it.
 */
@Service
@PreAuthorize("hasRole('SECURITY_ADMIN')")
public class AccountSecurityAdmin {

    private final AdminScope scope;
    private final AppUserRepository users;
    private final AuditTrail audit;

    AccountSecurityAdmin(AdminScope scope, AppUserRepository users, AuditTrail audit) {
        this.scope = scope;
        this.users = users;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<AppUser> users(CurrentUser admin) {
        return scope.users(admin);
    }

    @Transactional(readOnly = true)
    public AppUser user(CurrentUser admin, Long id) {
        return scope.user(admin, id);
    }

    @Transactional
    public AppUser assignRoles(CurrentUser admin, Long id, Set<Role> roles, Long version) {
        AppUser u = user(admin, id);
        OrganisationAdmin.checkVersion(version, u.getVersion());
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (u.getId().equals(admin.id())) {
            throw new InvalidInputException("roles", "SELF_ROLE_CHANGE", "不能修改自己的角色");
        }
        List<FieldProblem> problems = SeparationOfDuties.check(wanted, u);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String before = labels(u.getRoles());
        u.assignRoles(wanted);
        users.saveAndFlush(u);
        audit.record(admin.username(), "ROLES_ASSIGNED", "AppUser", u.getId(),
                u.getUsername() + "：" + before + " → " + labels(wanted));
        return u;
    }

    @Transactional
    public void unlock(CurrentUser admin, Long id) {
        AppUser u = user(admin, id);
        users.clearFailures(u.getId());
        audit.record(admin.username(), "ACCOUNT_UNLOCKED", "AppUser", u.getId(), u.getUsername());
    }

    /** A lost authenticator: the administrator binds a new one at the next login. */
    @Transactional
    public void resetSecondFactor(CurrentUser admin, Long id) {
        AppUser u = user(admin, id);
        u.enrolTotp(null);
        users.saveAndFlush(u);
        audit.record(admin.username(), "TOTP_RESET", "AppUser", u.getId(), u.getUsername() + "：下次登录重新绑定动态口令");
    }

    private static String labels(Set<Role> roles) {
        return roles.isEmpty() ? "（无）" : roles.stream().sorted().map(Role::label).collect(Collectors.joining("、"));
    }
}

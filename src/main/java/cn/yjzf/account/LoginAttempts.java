package cn.yjzf.account;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.LockoutPolicy;
import cn.yjzf.organisation.SecurityPolicies;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 登录失败处理: counts consecutive failed logins of every entry point (form, HTTP Basic — and so {@code POST /api/token}
 * — and the second factor) and locks the account for the configured time once the limit is reached. Spring Security
 * refuses a locked account before looking at the password. Failures and lockouts are audited.
 */
@Component
public class LoginAttempts {

    private final AppUserRepository users;
    private final SecurityPolicies policies;
    private final AuditTrail audit;
    private final TotpSettings totp;

    LoginAttempts(AppUserRepository users, SecurityPolicies policies, AuditTrail audit, TotpSettings totp) {
        this.users = users;
        this.policies = policies;
        this.audit = audit;
        this.totp = totp;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), "口令错误");
    }

    /** A wrong current password on the forced-change page, where the user is not signed in. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onBadPassword(String username) {
        failed(username, "口令错误");
    }

    /** A wrong one-time code counts like a wrong password. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onBadSecondFactor(String username) {
        failed(username, "动态口令错误");
    }

    private void failed(String username, String reason) {
        AppUser user = users.findByUsername(username).orElse(null);
        if (user == null) {
            audit.record(truncate(username), "LOGIN_FAILED", "AppUser", null, "用户名不存在");
            return;
        }
        users.countFailure(user.getId()); // row lock: concurrent failures count one after another
        int failures = users.findById(user.getId()).orElseThrow().getFailedLogins();
        audit.record(user.getUsername(), "LOGIN_FAILED", "AppUser", user.getId(), reason + "，连续第" + failures + "次");
        LockoutPolicy policy = policies.lockout();
        if (failures >= policy.maxFailures()) {
            Instant until = Instant.now().plus(policy.duration());
            users.lockUntil(user.getId(), until);
            audit.record(user.getUsername(), "ACCOUNT_LOCKED", "AppUser", user.getId(),
                    "连续" + failures + "次登录失败，锁定至" + until);
        }
    }

    /**
     * A successful password login starts the count again (bearer tokens are checked by their own provider, which
     * publishes no events); for a user who still owes a second factor,
     * only the second factor does, so that wrong codes cannot be tried without end.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken auth
                && auth.getPrincipal() instanceof CurrentUser user && !totp.requiredFor(user)) {
            succeeded(user.id());
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(Long userId) {
        users.findById(userId).filter(u -> u.getFailedLogins() > 0).ifPresent(u -> users.clearFailures(u.getId()));
    }

    private static String truncate(String s) {
        String v = s == null ? "" : s;
        return v.length() > 50 ? v.substring(0, 50) : v;
    }
}

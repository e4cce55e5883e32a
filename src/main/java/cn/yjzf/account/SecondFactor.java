package cn.yjzf.account;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks an administrator's one-time code; the first correct code binds the authenticator (enrolment). */
@Service
class SecondFactor {

    private final AppUserRepository users;
    private final Totp totp;
    private final LoginAttempts attempts;
    private final AuditTrail audit;

    SecondFactor(AppUserRepository users, Totp totp, LoginAttempts attempts, AuditTrail audit) {
        this.users = users;
        this.totp = totp;
        this.attempts = attempts;
        this.audit = audit;
    }

    /**
     * True when {@code code} is right: against the bound secret, or, for a user not enrolled yet, against the
     * {@code offeredSecret} shown on the enrolment page, which is then bound. A wrong code counts as a failed login.
     */
    @Transactional
    public boolean check(String username, String offeredSecret, String code) {
        AppUser user = users.findByUsername(username).orElseThrow();
        String secret = user.getTotpSecret() != null ? user.getTotpSecret() : offeredSecret;
        long step = totp.matchingStep(secret, code);
        if (user.getTotpSecret() == null && step >= 0) {
            user.enrolTotp(secret);
            audit.record(username, "TOTP_ENROLLED", "AppUser", user.getId(), "绑定动态口令");
        }
        if (step < 0 || !user.useTotpStep(step)) {
            attempts.onBadSecondFactor(username);
            return false;
        }
        users.saveAndFlush(user);
        users.clearFailures(user.getId()); // in this transaction: it has just written the same row
        audit.record(username, "LOGIN_SECOND_FACTOR", "AppUser", user.getId(), "动态口令验证通过");
        return true;
    }
}

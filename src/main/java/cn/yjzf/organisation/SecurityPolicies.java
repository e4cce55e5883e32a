package cn.yjzf.organisation;

import cn.yjzf.audit.AuditTrail;
import java.time.Duration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The password and lockout policy in force: the security administrator's settings over the deployment's configured
 * defaults. Read on each use, so a change applies at once on every instance.
 */
@Service
public class SecurityPolicies {

    private final SecurityPolicyRepository records;
    private final PasswordPolicy passwordDefaults;
    private final LockoutPolicy lockoutDefaults;
    private final AuditTrail audit;

    SecurityPolicies(SecurityPolicyRepository records, PasswordPolicy passwordDefaults, LockoutPolicy lockoutDefaults,
                     AuditTrail audit) {
        this.records = records;
        this.passwordDefaults = passwordDefaults;
        this.lockoutDefaults = lockoutDefaults;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PasswordPolicy password() {
        SecurityPolicyRecord r = record();
        return new PasswordPolicy(or(r.getMinLength(), passwordDefaults.minLength()),
                or(r.getMinCharacterClasses(), passwordDefaults.minCharacterClasses()),
                or(r.getHistory(), passwordDefaults.history()),
                r.getMaxAgeDays() == null ? passwordDefaults.maxAge() : Duration.ofDays(r.getMaxAgeDays()));
    }

    @Transactional(readOnly = true)
    public LockoutPolicy lockout() {
        SecurityPolicyRecord r = record();
        return new LockoutPolicy(or(r.getMaxFailures(), lockoutDefaults.maxFailures()),
                r.getLockMinutes() == null ? lockoutDefaults.duration() : Duration.ofMinutes(r.getLockMinutes()));
    }

    /** The form's current values (the configured defaults where never set) and the version to edit. */
    @Transactional(readOnly = true)
    public PolicyForm current() {
        PasswordPolicy p = password();
        LockoutPolicy l = lockout();
        return new PolicyForm(p.minLength(), p.minCharacterClasses(), p.history(), (int) p.maxAge().toDays(),
                l.maxFailures(), (int) l.duration().toMinutes(), record().getVersion());
    }

    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void change(CurrentUser admin, PolicyForm form) {
        SecurityPolicyRecord r = record();
        OrganisationAdmin.checkVersion(form.version(), r.getVersion());
        r.set(form, admin.username());
        records.saveAndFlush(r);
        audit.record(admin.username(), "SECURITY_POLICY_CHANGED", "SecurityPolicy", 1L,
                "口令至少" + form.minLength() + "位、" + form.minCharacterClasses() + "类字符、历史" + form.history()
                        + "次、有效期" + form.maxAgeDays() + "天；连续失败" + form.maxFailures() + "次锁定" + form.lockMinutes() + "分钟");
    }

    private SecurityPolicyRecord record() {
        return records.findById(1).orElseThrow();
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}

package cn.yjzf.organisation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** A user of the system; an officer when holding a valid 执法证 (certificate number and validity). */
@Entity
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String passwordHash;
    private String fullName;
    private Long agencyId;
    private Long townshipId;
    private String certificateNo;
    private LocalDate certificateValidUntil;
    private boolean enabled = true;
    private String legalQualification;
    private boolean mustChangePassword;
    private java.time.Instant passwordChangedAt = java.time.Instant.now();
    private int failedLogins;
    private java.time.Instant lockedUntil;
    private String totpSecret;
    private Long totpLastStep;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    @Version
    private long version;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String fullName, Long agencyId, Long townshipId,
                   String certificateNo, LocalDate certificateValidUntil, Set<Role> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.certificateNo = certificateNo;
        this.certificateValidUntil = certificateValidUntil;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** An administrator's edit of the account's data (not its roles, which the security administrator sets). */
    void update(String fullName, Long agencyId, Long townshipId, String certificateNo, LocalDate certificateValidUntil,
                String legalQualification, boolean enabled) {
        this.fullName = fullName;
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.certificateNo = certificateNo;
        this.certificateValidUntil = certificateValidUntil;
        this.legalQualification = legalQualification;
        this.enabled = enabled;
    }

    /** Records the legal qualification a 法制审核人员 needs (e.g. for seeded data). */
    public void qualifyLegally(String qualification) {
        this.legalQualification = qualification;
    }

    void assignRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /** A new password hash; {@code mustChange} when an administrator set it (first login, reset). */
    public void changePassword(String hash, boolean mustChange, java.time.Instant at) {
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
        this.passwordChangedAt = at;
    }

    public void enrolTotp(String secret) {
        this.totpSecret = secret;
        this.totpLastStep = null;
    }

    /** Accepts a one-time code of time step {@code step} once: false for a step already used (a replayed code). */
    public boolean useTotpStep(long step) {
        if (totpLastStep != null && step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    /** 法制审核人员 must hold a legal qualification (行政处罚法 第五十八条). */
    public boolean isLegallyQualified() {
        return legalQualification != null && !legalQualification.isBlank();
    }

    public boolean isLockedAt(java.time.Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** May sign enforcement acts on {@code date}: holds a 执法证 valid on that day. */
    public boolean isCertifiedOn(LocalDate date) {
        return certificateNo != null && !certificateNo.isBlank() && certificateValidUntil != null
                && !certificateValidUntil.isBefore(date);
    }

    public Long getId() { return id; }

    public String getUsername() { return username; }

    public String getPasswordHash() { return passwordHash; }

    public String getFullName() { return fullName; }

    public Long getAgencyId() { return agencyId; }

    public Long getTownshipId() { return townshipId; }

    public String getCertificateNo() { return certificateNo; }

    public LocalDate getCertificateValidUntil() { return certificateValidUntil; }

    public boolean isEnabled() { return enabled; }

    public Set<Role> getRoles() { return Set.copyOf(roles); }

    public String getLegalQualification() { return legalQualification; }

    public boolean isMustChangePassword() { return mustChangePassword; }

    public java.time.Instant getPasswordChangedAt() { return passwordChangedAt; }

    public int getFailedLogins() { return failedLogins; }

    public java.time.Instant getLockedUntil() { return lockedUntil; }

    public String getTotpSecret() { return totpSecret; }

    public long getVersion() { return version; }
}

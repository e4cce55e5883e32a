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
}

package cn.yjzf.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An account as the administration API shows it (never its password hash or second-factor secret). */
public record AccountView(Long id, String username, String fullName, Long agencyId, Long townshipId, Set<Role> roles,
                          List<String> roleLabels, String certificateNo, LocalDate certificateValidUntil,
                          boolean certificateValidToday, String legalQualification, boolean enabled, boolean locked,
                          boolean mustChangePassword, boolean secondFactorEnrolled, long version) {

    /** {@code today}: the bureau's date (AppTime), for whether the certificate is valid. */
    public static AccountView of(AppUser u, LocalDate today) {
        return new AccountView(u.getId(), u.getUsername(), u.getFullName(), u.getAgencyId(), u.getTownshipId(),
                u.getRoles(), u.getRoles().stream().sorted().map(Role::label).toList(), u.getCertificateNo(),
                u.getCertificateValidUntil(), Certificates.validOn(u, today), u.getLegalQualification(),
                u.isEnabled(), u.isLockedAt(Instant.now()), u.isMustChangePassword(), u.getTotpSecret() != null,
                u.getVersion());
    }
}

package cn.yjzf.organisation;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it. Its {@link Jurisdiction} scopes every query: the agency, and for a
 * user of a township also the township.
 */
public record CurrentUser(Long id, String username, String passwordHash, String fullName, Long agencyId,
                          Long townshipId, java.util.Set<Role> roles, boolean enabled, boolean accountNonLocked,
                          boolean credentialsNonExpired) implements UserDetails {

    public CurrentUser(Long id, String username, String passwordHash, String fullName, Long agencyId, Long townshipId,
                       java.util.Set<Role> roles, boolean enabled) {
        this(id, username, passwordHash, fullName, agencyId, townshipId, roles, enabled, true, true);
    }

    /** The user as signed in: locked now, or with a password to change, count as such for Spring Security. */
    public static CurrentUser of(AppUser u) {
        return of(u, u.isMustChangePassword());
    }

    /** {@code passwordExpired}: an administrator set it, or it is older than the policy allows. */
    public static CurrentUser of(AppUser u, boolean passwordExpired) {
        return new CurrentUser(u.getId(), u.getUsername(), u.getPasswordHash(), u.getFullName(), u.getAgencyId(),
                u.getTownshipId(), u.getRoles(), u.isEnabled(), !u.isLockedAt(java.time.Instant.now()), !passwordExpired);
    }

    /** Holds one of the three administrator roles (三员). */
    public boolean isAdministrator() {
        return roles.stream().anyMatch(Role.ADMINISTRATORS::contains);
    }

    /** A user who belongs to a township (its enforcers, and under 赋权 its reviewers and approvers) sees only it. */
    public Jurisdiction jurisdiction() {
        return new Jurisdiction(agencyId, townshipId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return username; }

    @Override
    public boolean isEnabled() { return enabled; }

    @Override
    public boolean isAccountNonLocked() { return accountNonLocked; }

    @Override
    public boolean isCredentialsNonExpired() { return credentialsNonExpired; }

    /** One user is one principal (the session registry counts sessions per principal), whatever else changed. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    public List<String> roleLabels() {
        return roles.stream().sorted().map(Role::label).toList();
    }
}

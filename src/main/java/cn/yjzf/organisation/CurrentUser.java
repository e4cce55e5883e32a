package cn.yjzf.organisation;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it. Its {@link Jurisdiction} scopes every query: the agency, and for a
 * township enforcer also the township.
 */
public record CurrentUser(Long id, String username, String passwordHash, String fullName, Long agencyId,
                          Long townshipId, java.util.Set<Role> roles, boolean enabled) implements UserDetails {

    public static CurrentUser of(AppUser u) {
        return new CurrentUser(u.getId(), u.getUsername(), u.getPasswordHash(), u.getFullName(), u.getAgencyId(),
                u.getTownshipId(), u.getRoles(), u.isEnabled());
    }

    public Jurisdiction jurisdiction() {
        return new Jurisdiction(agencyId, roles.contains(Role.TOWNSHIP_ENFORCER) ? townshipId : null);
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

    public List<String> roleLabels() {
        return roles.stream().sorted().map(Role::label).toList();
    }
}

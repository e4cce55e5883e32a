package cn.yjzf.organisation;

import java.time.Instant;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users for Spring Security's form and HTTP Basic login. A locked account, or a password an administrator set
 * or one older than the policy allows, is reported as such, so every entry point refuses it the same way.
 */
@Service
class UserDirectory implements UserDetailsService {

    private final AppUserRepository users;
    private final SecurityPolicies policies;

    UserDirectory(AppUserRepository users, SecurityPolicies policies) {
        this.users = users;
        this.policies = policies;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(u -> CurrentUser.of(u, u.isMustChangePassword()
                        || policies.password().expired(u.getPasswordChangedAt(), Instant.now())))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}

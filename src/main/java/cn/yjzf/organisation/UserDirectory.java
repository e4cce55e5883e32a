package cn.yjzf.organisation;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for Spring Security's form and HTTP Basic login. */
@Service
class UserDirectory implements UserDetailsService {

    private final AppUserRepository users;

    UserDirectory(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        return users.findByUsername(username).map(CurrentUser::of)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}

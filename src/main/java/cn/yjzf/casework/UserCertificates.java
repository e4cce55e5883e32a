package cn.yjzf.casework;

import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.Role;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Over the certificate fields of {@link AppUser} as they exist today; qualification = the legal reviewer role. */
@Component
class UserCertificates implements Certificates {

    private final AppUserRepository users;

    UserCertificates(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public boolean certifiedOn(Long userId, LocalDate on) {
        return users.findById(userId).map(u -> u.isEnabled() && u.isCertifiedOn(on)).orElse(false);
    }

    @Override
    public boolean qualifiedLegalReviewer(Long userId, LocalDate on) {
        return users.findById(userId).map(u -> u.isEnabled() && u.getRoles().contains(Role.LEGAL_REVIEWER)).orElse(false);
    }
}

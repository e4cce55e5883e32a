package cn.yjzf.casework;

import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The organisation register's answers ({@link cn.yjzf.organisation.Certificates}): valid 执法证, legal qualification. */
@Component
class UserCertificates implements Certificates {

    private final AppUserRepository users;

    UserCertificates(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public boolean certifiedOn(Long userId, LocalDate on) {
        return users.findById(userId).map(u -> cn.yjzf.organisation.Certificates.validOn(u, on)).orElse(false);
    }

    @Override
    public boolean qualifiedLegalReviewer(Long userId, LocalDate on) {
        return users.findById(userId).map(cn.yjzf.organisation.Certificates::mayReviewLegally).orElse(false);
    }
}

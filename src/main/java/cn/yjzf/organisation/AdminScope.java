package cn.yjzf.organisation;

import cn.yjzf.common.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Component;

/** What an administrator manages: accounts of their agency and the agencies below it (others are 404, as if missing). */
@Component
class AdminScope {

    private final AgencyRepository agencies;
    private final AppUserRepository users;

    AdminScope(AgencyRepository agencies, AppUserRepository users) {
        this.agencies = agencies;
        this.users = users;
    }

    AgencyScope of(CurrentUser admin) {
        return AgencyScope.below(admin.agencyId(), agencies.findAll());
    }

    List<AppUser> users(CurrentUser admin) {
        return users.findByAgencyIdInOrderByAgencyIdAscFullNameAsc(of(admin).ids());
    }

    AppUser user(CurrentUser admin, Long id) {
        return users.findById(id).filter(u -> of(admin).covers(u.getAgencyId()))
                .orElseThrow(() -> new NotFoundException("用户"));
    }
}

package cn.yjzf.enforcementmatter;

import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipRepository;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo only (after the demo bureau is seeded): 清溪镇 decides its 赋权 cases itself (行政处罚法第二十四条), so it gets
 * its own 审核 / 法制审核 / 负责人审批 people, and 城南街道 (委托) an enforcer of its own. Password as the other demo users.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class DelegationDemoData {

    private final TownshipRepository townships;
    private final AppUserRepository users;

    DelegationDemoData(TownshipRepository townships, AppUserRepository users) {
        this.townships = townships;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        AppUser template = users.findByUsername("township").orElse(null);
        if (template == null || users.findByUsername("township2lead").isPresent()) {
            return;
        }
        Township chengnan = townships.findByAgencyIdOrderByName(template.getAgencyId()).stream()
                .filter(t -> t.getName().equals("城南街道")).findFirst().orElse(null);
        String hash = template.getPasswordHash();
        LocalDate valid = LocalDate.of(2030, 12, 31);
        Long agency = template.getAgencyId();
        Long qingxi = template.getTownshipId();
        users.save(new AppUser("township2head", hash, "蒋立新", agency, qingxi, "33010020011", valid, Set.of(Role.UNIT_HEAD)));
        AppUser legal = new AppUser("township2legal", hash, "韩雪", agency, qingxi, "33010020012", valid, Set.of(Role.LEGAL_REVIEWER));
        legal.qualifyLegally("法律职业资格证书A20213301000002（演示）");
        users.save(legal);
        users.save(new AppUser("township2lead", hash, "曹永福", agency, qingxi, "33010020013", valid, Set.of(Role.APPROVER)));
        if (chengnan != null) {
            users.save(new AppUser("chengnan", hash, "林涛", agency, chengnan.getId(), "33010020014", valid,
                    Set.of(Role.TOWNSHIP_ENFORCER)));
        }
    }
}

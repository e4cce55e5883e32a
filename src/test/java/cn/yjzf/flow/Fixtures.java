package cn.yjzf.flow;

import cn.yjzf.enterprise.CreditCodes;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.enterprise.NewEnterprise;
import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.EnforcementMatterCatalogue;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipLegalForm;
import cn.yjzf.organisation.TownshipRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Builds a bureau with a township, two officers, a township enforcer and enterprises; unique per call. */
@Component
public class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final AgencyRepository agencies;
    private final TownshipRepository townships;
    private final AppUserRepository users;
    private final EnterpriseService enterprises;

    Fixtures(AgencyRepository agencies, TownshipRepository townships, AppUserRepository users,
             EnterpriseService enterprises) {
        this.agencies = agencies;
        this.townships = townships;
        this.users = users;
        this.enterprises = enterprises;
    }

    public record Bureau(Agency agency, Township township, Township otherTownship, CurrentUser officer,
                         CurrentUser officer2, CurrentUser townshipEnforcer, CurrentUser uncertified) {
    }

    public Bureau bureau(String shortName) {
        int n = SEQ.incrementAndGet();
        Agency a = agencies.save(new Agency(shortName + "局" + n, shortName));
        Township t = new Township(a.getId(), "甲镇" + n);
        Township t2 = new Township(a.getId(), "乙镇" + n);
        for (Township x : List.of(t, t2)) { // a 委托书 for 行政检查 so that township enforcers may inspect
            x.authorise(TownshipLegalForm.DELEGATED, "测委〔" + n + "〕号", LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31),
                    List.of(EnforcementMatterCatalogue.INSPECTION));
        }
        t = townships.save(t);
        t2 = townships.save(t2);
        LocalDate valid = LocalDate.of(2030, 12, 31);
        return new Bureau(a, t, t2,
                user("officer-" + n, "张堃", a, null, "C" + n + "01", valid, Role.OFFICER),
                user("officer2-" + n, "李喆", a, null, "C" + n + "02", valid, Role.OFFICER),
                user("township-" + n, "陈晓", a, t, "C" + n + "03", valid, Role.TOWNSHIP_ENFORCER),
                user("clerk-" + n, "王助理", a, null, null, null, Role.OFFICER));
    }

    private CurrentUser user(String username, String name, Agency a, Township t, String cert, LocalDate valid, Role role) {
        return CurrentUser.of(users.save(new AppUser(username, "{noop}x", name, a.getId(), t == null ? null : t.getId(),
                cert, valid, Set.of(role))));
    }

    public Enterprise enterprise(Bureau b, Industry industry, Township township, Set<EnterpriseFlag> flags) {
        String body = String.format("91330100MA%07d", SEQ.incrementAndGet());
        return enterprises.register(b.officer(), new NewEnterprise(body + CreditCodes.checkCharacter(body),
                "测试" + industry.label() + "企业" + body.substring(10), industry,
                township == null ? null : township.getId(), "测试路1号", "刘法人", flags, null));
    }
}

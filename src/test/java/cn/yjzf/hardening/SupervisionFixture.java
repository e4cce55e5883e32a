package cn.yjzf.hardening;

import cn.yjzf.enterprise.CreditCodes;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.enterprise.NewEnterprise;
import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyLevel;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipRepository;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two sibling counties under the demo (city) bureau, each with its own people; county 东 has a township (东湖镇) with
 * a delegated enforcer and an enterprise there. Usernames carry a prefix so several test classes can each build one.
 */
final class SupervisionFixture {

    final long cityId;
    final long eastId;
    final long westId;
    final long townshipId;
    final long enterpriseId;
    final String prefix;

    SupervisionFixture(String prefix, AgencyRepository agencies, TownshipRepository townships, AppUserRepository users,
                       EnterpriseService enterprises, PasswordEncoder encoder, int codeSeed) {
        this.prefix = prefix;
        cityId = agencies.findAll().stream().filter(a -> "江应急".equals(a.getShortName())).findFirst().orElseThrow().getId();
        eastId = agencies.save(new Agency(prefix + "江城东县应急管理局", prefix + "东应急", AgencyLevel.COUNTY, cityId)).getId();
        westId = agencies.save(new Agency(prefix + "江城西县应急管理局", prefix + "西应急", AgencyLevel.COUNTY, cityId)).getId();
        townshipId = townships.save(new Township(eastId, prefix + "东湖镇")).getId();
        String hash = encoder.encode("demo1234");
        LocalDate valid = LocalDate.of(2030, 12, 31);
        int[] cert = {codeSeed * 100};
        java.util.function.BiFunction<String, Object[], AppUser> user = (name, spec) -> users.save(new AppUser(prefix + name,
                hash, name, (Long) spec[0], (Long) spec[1], "339" + (cert[0]++), valid, (Set<Role>) spec[2]));
        AppUser eastOfficer = user.apply("eastofficer", new Object[] {eastId, null, Set.of(Role.OFFICER)});
        user.apply("eastofficer2", new Object[] {eastId, null, Set.of(Role.OFFICER)});
        user.apply("eastapprover", new Object[] {eastId, null, Set.of(Role.APPROVER)});
        user.apply("easthead", new Object[] {eastId, null, Set.of(Role.OFFICER, Role.APPROVER)});
        user.apply("easttown", new Object[] {eastId, townshipId, Set.of(Role.TOWNSHIP_ENFORCER)});
        user.apply("westofficer", new Object[] {westId, null, Set.of(Role.OFFICER)});
        user.apply("westapprover", new Object[] {westId, null, Set.of(Role.APPROVER)});
        String body = String.format("91330100MC%07d", codeSeed);
        enterpriseId = enterprises.register(CurrentUser.of(eastOfficer), new NewEnterprise(
                body + CreditCodes.checkCharacter(body), prefix + "东湖建材有限公司", Industry.BUILDING_MATERIALS, townshipId,
                "东湖镇建材路1号", "钟某", Set.of(EnterpriseFlag.DUST_EXPLOSION), null)).getId();
    }

    Long id(AppUserRepository users, String name) {
        return users.findByUsername(prefix + name).orElseThrow().getId();
    }
}

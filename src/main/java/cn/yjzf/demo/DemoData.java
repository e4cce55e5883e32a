package cn.yjzf.demo;

import cn.yjzf.enterprise.CreditCodes;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.enterprise.NewEnterprise;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipRepository;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo bureau for the embedded H2 run: townships, enterprises and one user per role (README lists them).
 * Seeded once, into an empty database, and only where {@code app.demo-data=true} (never in the postgres profile).
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo1234";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AgencyRepository agencies;
    private final TownshipRepository townships;
    private final AppUserRepository users;
    private final EnterpriseService enterprises;
    private final PasswordEncoder encoder;

    DemoData(AgencyRepository agencies, TownshipRepository townships, AppUserRepository users,
             EnterpriseService enterprises, PasswordEncoder encoder) {
        this.agencies = agencies;
        this.townships = townships;
        this.users = users;
        this.enterprises = enterprises;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (agencies.count() > 0) {
            return;
        }
        Agency bureau = agencies.save(new Agency("江城市应急管理局", "江应急"));
        Township chengnan = townships.save(new Township(bureau.getId(), "城南街道"));
        Township qingxi = townships.save(new Township(bureau.getId(), "清溪镇"));
        // Demo footing (numbers illustrative): 城南街道 under a 委托书, 清溪镇 under a provincial 赋权 decision; matters are
        // codes of the enforcement-matter catalogue (INSPECTION = 行政检查, AQF-* = the penalty module's violations).
        chengnan.authorise(cn.yjzf.organisation.TownshipLegalForm.DELEGATED, "江应急委〔2025〕" + chengnan.getId() + "号（演示）",
                LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), java.util.List.of("INSPECTION", "AQF-099-1", "AQF-102"));
        qingxi.authorise(cn.yjzf.organisation.TownshipLegalForm.EMPOWERED, "某省人民政府赋权决定（演示）",
                LocalDate.of(2025, 1, 1), null, java.util.List.of("INSPECTION", "AQF-097-3", "AQF-099-1", "AQF-101-5", "AQF-102"));
        townships.save(chengnan);
        qingxi.assignDocumentCode("江清应急"); // its own 机关代字 for 赋权 documents (illustrative, like the numbers above)
        townships.save(qingxi);
        LocalDate valid = LocalDate.of(2030, 12, 31);
        String hash = encoder.encode(PASSWORD);
        AppUser officer = users.save(new AppUser("officer", hash, "张建国", bureau.getId(), null, "33010020001", valid, Set.of(Role.OFFICER)));
        users.save(new AppUser("officer2", hash, "李明", bureau.getId(), null, "33010020002", valid, Set.of(Role.OFFICER)));
        AppUser reviewer = new AppUser("reviewer", hash, "王芳", bureau.getId(), null, "33010020003", valid, Set.of(Role.LEGAL_REVIEWER));
        reviewer.qualifyLegally("法律职业资格证书A20203301000001（演示）");
        users.save(reviewer);
        users.save(new AppUser("approver", hash, "赵振华", bureau.getId(), null, "33010020004", valid, Set.of(Role.APPROVER)));
        users.save(new AppUser("township", hash, "陈晓", bureau.getId(), qingxi.getId(), "33010020005", valid, Set.of(Role.TOWNSHIP_ENFORCER)));
        users.save(new AppUser("township2", hash, "周强", bureau.getId(), qingxi.getId(), "33010020006", valid, Set.of(Role.TOWNSHIP_ENFORCER)));
        users.save(new AppUser("maintainer", hash, "孙工", bureau.getId(), null, null, null, Set.of(Role.RULE_MAINTAINER)));
        users.save(new AppUser("sysadmin", hash, "钱立", bureau.getId(), null, null, null, Set.of(Role.SYSTEM_ADMIN)));
        users.save(new AppUser("secadmin", hash, "孔安", bureau.getId(), null, null, null, Set.of(Role.SECURITY_ADMIN)));
        users.save(new AppUser("auditor", hash, "严审", bureau.getId(), null, null, null, Set.of(Role.AUDIT_ADMIN)));
        // added after the first ten so that their ids, which tests and scripts use, stay as they were
        users.save(new AppUser("unithead", hash, "吴建军", bureau.getId(), null, "33010020007", valid, Set.of(Role.UNIT_HEAD)));

        CurrentUser registrar = CurrentUser.of(officer);
        enterprise(registrar, "91330100MA2J00001", "江城南方水泥有限公司", Industry.BUILDING_MATERIALS, chengnan,
                "江城市城南街道建设路88号", "刘国强", Set.of(EnterpriseFlag.DUST_EXPLOSION), null);
        enterprise(registrar, "91330100MA2J00002", "江城华泰钢铁有限公司", Industry.METALLURGY, qingxi,
                "江城市清溪镇工业园区1号", "黄志远",
                Set.of(EnterpriseFlag.METAL_SMELTING, EnterpriseFlag.DUST_EXPLOSION, EnterpriseFlag.CONFINED_SPACE), null);
        enterprise(registrar, "91330100MA2J00003", "江城清溪食品有限公司", Industry.LIGHT_INDUSTRY, qingxi,
                "江城市清溪镇溪口路12号", "吴丽娟",
                Set.of(EnterpriseFlag.AMMONIA_REFRIGERATION, EnterpriseFlag.CONFINED_SPACE), null);
        enterprise(registrar, "91330100MA2J00004", "江城恒通机械制造有限公司", Industry.MACHINERY, chengnan,
                "江城市城南街道工业路6号", "郑海", Set.of(), null);
        enterprise(registrar, "91330100MA2J00005", "江城东港化工有限公司", Industry.CHEMICAL, chengnan,
                "江城市城南街道化工园区3号", "冯建军", Set.of(), 2);
        enterprise(registrar, "91330100MA2J00006", "江城万家商贸有限公司", Industry.COMMERCE, chengnan,
                "江城市城南街道中山路100号", "何敏", Set.of(EnterpriseFlag.CONFINED_SPACE), null);
        log.info("已写入演示数据：江城市应急管理局，用户 officer / officer2 / reviewer / approver / township / township2 / maintainer / sysadmin / secadmin / auditor，密码 {}", PASSWORD);
    }

    /** Demo credit codes: a fixed 17-character body with the GB 32100 check character computed. */
    private void enterprise(CurrentUser registrar, String body, String name, Industry industry, Township township,
                            String address, String legalRep, Set<EnterpriseFlag> flags, Integer majorHazardLevel) {
        String code = body + CreditCodes.checkCharacter(body);
        enterprises.register(registrar, new NewEnterprise(code, name, industry, township.getId(), address, legalRep,
                flags, majorHazardLevel));
    }
}

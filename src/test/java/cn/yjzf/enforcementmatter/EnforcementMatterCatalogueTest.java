package cn.yjzf.enforcementmatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.Delegations;
import cn.yjzf.organisation.EnforcementMatterCatalogue;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.TownshipLegalForm;
import cn.yjzf.penalty.PenaltyRules;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One matter vocabulary: 行政检查 plus every violation of the penalty module's 违法行为库 (not a copy of it), offered to
 * the system administrator; and the demo townships' footing — 城南街道 委托, 清溪镇 赋权 with its own reviewing people.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:matter-catalogue;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class EnforcementMatterCatalogueTest {

    @Autowired EnforcementMatterCatalogue catalogue;
    @Autowired PenaltyRules rules;
    @Autowired Delegations delegations;
    @Autowired AppUserRepository users;
    @Autowired MockMvc mvc;

    @Test
    void theCatalogueIsInspectionPlusThePenaltyModulesViolations() throws Exception {
        assertThat(catalogue.all().get(0).code()).isEqualTo(EnforcementMatterCatalogue.INSPECTION);
        assertThat(catalogue.all()).hasSize(rules.current().set().violations().size() + 1);
        assertThat(catalogue.find("AQF-102")).get().satisfies(m -> {
            assertThat(m.title()).contains("未采取措施消除事故隐患");
            assertThat(m.basis()).isEqualTo("安全生产法第一百零二条");
        });
        assertThat(catalogue.find("工贸企业安全生产现场检查")).isEmpty();
        mvc.perform(get("/api/admin/enforcement-matters").with(httpBasic("sysadmin", "demo1234"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("INSPECTION"))).andExpect(jsonPath("$[*].code", hasItem("AQF-099-1")));
        mvc.perform(get("/api/admin/enforcement-matters").with(httpBasic("officer", "demo1234"))).andExpect(status().isForbidden());
    }

    @Test
    void theDemoTownshipsAreOneEntrustedAndOneEmpoweredWithItsOwnReviewingPeople() {
        AppUser township = users.findByUsername("township").orElseThrow();
        Delegations.Delegation qingxi = delegations.of(township.getTownshipId()).orElseThrow();
        assertThat(qingxi.mode()).isEqualTo(TownshipLegalForm.EMPOWERED);
        assertThat(qingxi.issuingName()).isEqualTo("清溪镇");
        assertThat(delegations.mayAct(township.getTownshipId(), EnforcementMatterCatalogue.INSPECTION, LocalDate.of(2026, 6, 1))).isTrue();
        AppUser chengnan = users.findByUsername("chengnan").orElseThrow();
        Delegations.Delegation entrusted = delegations.of(chengnan.getTownshipId()).orElseThrow();
        assertThat(entrusted.mode()).isEqualTo(TownshipLegalForm.DELEGATED);
        assertThat(entrusted.issuingName()).isEqualTo("江城市应急管理局");
        assertThat(delegations.check(chengnan.getTownshipId(), "AQF-102", LocalDate.of(2028, 1, 1)).refusal())
                .isEqualTo(Delegations.Refusal.DELEGATION_NOT_IN_FORCE);
        for (String[] u : new String[][] {{"township2head", "UNIT_HEAD"}, {"township2legal", "LEGAL_REVIEWER"}, {"township2lead", "APPROVER"}}) {
            AppUser user = users.findByUsername(u[0]).orElseThrow();
            assertThat(user.getTownshipId()).isEqualTo(township.getTownshipId());
            assertThat(user.getRoles()).containsExactly(Role.valueOf(u[1]));
        }
    }
}

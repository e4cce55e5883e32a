package cn.yjzf.inspection;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.flow.Fixtures;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.EnforcementMatterCatalogue;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipLegalForm;
import cn.yjzf.organisation.TownshipRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 12 §3 for inspections: a township enforcer opens an inspection, records findings and issues orders only in the
 * own township, with 行政检查 in the township's 委托书 / 赋权 decision and while it is in force; an agency officer is
 * not bound by it. Refusals are 403 with a stable code (API) or the reason in Chinese (pages), and audited.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:inspection-delegation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
@AutoConfigureMockMvc
class InspectionDelegationTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired TownshipRepository townships;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    private ResultActions postJson(CurrentUser u, String url, String body) throws Exception {
        return mvc.perform(post(url).with(httpBasic(u.username(), "x")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions openInspection(CurrentUser u, Enterprise e, Fixtures.Bureau b) throws Exception {
        return postJson(u, "/api/inspections", """
                {"enterpriseId":%d,"inspectionDate":"%s","place":"车间","officerIds":[%d,%d]}"""
                .formatted(e.getId(), BeijingDate.today(), b.officer().id(), b.officer2().id()));
    }

    private void authorise(Township t, List<String> matters, LocalDate until) {
        Township fresh = townships.findById(t.getId()).orElseThrow();
        fresh.authorise(TownshipLegalForm.DELEGATED, "测委（检查）", LocalDate.of(2025, 1, 1), until, matters);
        townships.save(fresh);
    }

    private int audited(String actor, String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'INSPECTION_FORBIDDEN' AND actor = ?"
                + " AND detail LIKE ?", Integer.class, actor, code + "%");
    }

    @Test
    void aTownshipEnforcerInspectsOnlyWithAValidDelegationFor行政检查() throws Exception {
        Fixtures.Bureau b = fixtures.bureau("检委");
        CurrentUser enforcer = b.townshipEnforcer();
        Enterprise inTownship = fixtures.enterprise(b, Industry.MACHINERY, b.township(), Set.of());
        LocalDate valid = LocalDate.of(2030, 12, 31);

        long inspection = json.readTree(openInspection(enforcer, inTownship, b).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        postJson(enforcer, "/api/inspections/" + inspection + "/findings", """
                {"description":"配电箱未接地"}""").andExpect(status().isCreated());

        // 行政检查 taken out of the catalogue: no new inspection, no more findings on the open one
        authorise(b.township(), List.of("AQF-102"), valid);
        openInspection(enforcer, inTownship, b).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("DELEGATION_REQUIRED"));
        postJson(enforcer, "/api/inspections/" + inspection + "/findings", """
                {"description":"消防通道堵塞"}""").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("DELEGATION_REQUIRED"));
        postJson(enforcer, "/api/inspections/" + inspection + "/rectification-order", """
                {"issueDate":"%s","defaultDeadline":"%s"}""".formatted(BeijingDate.today(), BeijingDate.today().plusDays(30)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("DELEGATION_REQUIRED"));
        assertThat(audited(enforcer.username(), "DELEGATION_REQUIRED")).isEqualTo(3);
        // the page gives the reason in Chinese
        mvc.perform(post("/inspections/" + inspection + "/findings").param("description", "消防通道堵塞")
                        .with(user(enforcer)).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("行政检查")));

        // the 委托书 expired
        authorise(b.township(), List.of(EnforcementMatterCatalogue.INSPECTION), BeijingDate.today().minusDays(1));
        openInspection(enforcer, inTownship, b).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("DELEGATION_NOT_IN_FORCE"));
        // the agency's officer is not bound by a township's delegation
        openInspection(b.officer(), inTownship, b).andExpect(status().isCreated());
        postJson(b.officer(), "/api/inspections/" + inspection + "/findings", """
                {"description":"消防通道堵塞"}""").andExpect(status().isCreated());

        // renewed: the enforcer inspects again
        authorise(b.township(), List.of(EnforcementMatterCatalogue.INSPECTION), valid);
        openInspection(enforcer, inTownship, b).andExpect(status().isCreated());
    }
}

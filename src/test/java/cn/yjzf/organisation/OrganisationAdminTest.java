package cn.yjzf.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Organisation data over the administration API: the agency tree, townships with a 委托书 or 赋权 decision and what
 * {@link Delegations} answers from them, accounts with certificates, scope, optimistic locking and audit.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:accounts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class OrganisationAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Delegations delegations;
    @Autowired AppUserRepository users;
    @Autowired TownshipRepository townships;

    private ResultActions send(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo1234")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static JsonNode json(ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString());
    }

    private int audited(String action, long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND entity_id = ? AND actor = 'sysadmin'",
                Integer.class, action, id);
    }

    @Test
    void agenciesFormATreeWhoseLevelsMatchAndEditsCarryTheirVersion() throws Exception {
        send("sysadmin", post("/api/admin/agencies"), """
                {"name":"江城市东区应急管理局","shortName":"江东应急","level":"PROVINCE","parentId":1}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_LEVEL"));
        send("sysadmin", post("/api/admin/agencies"), """
                {"name":"","shortName":"","level":"COUNTY","parentId":999}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "shortName")));
        send("sysadmin", post("/api/admin/agencies"), """
                {"name":"江城市东区应急管理局","shortName":"江东应急","level":"COUNTY","parentId":999}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("OUT_OF_SCOPE"));
        JsonNode county = json(send("sysadmin", post("/api/admin/agencies"), """
                {"name":"江城市东区应急管理局","shortName":"江东应急","level":"COUNTY","parentId":1}""")
                .andExpect(status().isCreated()));
        long id = county.get("id").asLong();
        assertThat(audited("AGENCY_CREATED", id)).isEqualTo(1);
        mvc.perform(get("/api/admin/agencies").with(httpBasic("sysadmin", "demo1234")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].depth").value(1));

        send("sysadmin", put("/api/admin/agencies/" + id), """
                {"name":"江城市东城区应急管理局","shortName":"江东应急","level":"COUNTY","parentId":1,"version":0}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        send("sysadmin", put("/api/admin/agencies/" + id), """
                {"name":"过期的修改","shortName":"江东应急","level":"COUNTY","parentId":1,"version":0}""")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONCURRENT_EDIT"));
        assertThat(audited("AGENCY_UPDATED", id)).isEqualTo(1);
    }

    @Test
    void aTownshipUnderADelegationMayActOnlyOnItsMattersWithinItsPeriod() throws Exception {
        send("sysadmin", post("/api/admin/townships"), """
                {"agencyId":1,"name":"白沙镇","legalForm":"DELEGATED","authorityDocNo":"江应急委〔2026〕3号",
                 "validFrom":"2026-01-01","matters":"INSPECTION"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validUntil"));
        JsonNode t = json(send("sysadmin", post("/api/admin/townships"), """
                {"agencyId":1,"name":"白沙镇","legalForm":"DELEGATED","authorityDocNo":"江应急委〔2026〕3号",
                 "validFrom":"2026-01-01","validUntil":"2026-12-31","matters":"INSPECTION\\nAQF-102\\n"}""")
                .andExpect(status().isCreated()));
        long id = t.get("id").asLong();
        // matters come from the enforcement-matter catalogue: free text or an unknown code is refused, naming the field
        send("sysadmin", post("/api/admin/townships"), """
                {"agencyId":1,"name":"白沙镇二","legalForm":"DELEGATED","authorityDocNo":"江应急委〔2026〕4号",
                 "validFrom":"2026-01-01","validUntil":"2026-12-31","matters":"INSPECTION,工贸企业安全生产现场检查"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("matters"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_MATTER"));
        assertThat(t.get("matters")).hasSize(2);
        assertThat(audited("TOWNSHIP_CREATED", id)).isEqualTo(1);

        assertThat(delegations.mayAct(id, "INSPECTION", LocalDate.of(2026, 6, 1))).isTrue();
        assertThat(delegations.mayAct(id, "INSPECTION", LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(delegations.mayAct(id, "INSPECTION", LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(delegations.mayAct(id, "AQF-099-1", LocalDate.of(2026, 6, 1))).isFalse();
        assertThat(delegations.actsInOwnName(id)).isFalse();

        send("sysadmin", post("/api/admin/townships"), """
                {"agencyId":1,"name":"白沙镇","legalForm":"EMPOWERED","authorityDocNo":"省政府决定","validFrom":"2026-01-01","matters":"INSPECTION"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("DUPLICATE"));
        // 赋权: own name, and the decision may be open-ended; its 机关代字 numbers the documents it issues in its own name
        send("sysadmin", post("/api/admin/townships"), """
                {"agencyId":1,"name":"青山街道","legalForm":"EMPOWERED","authorityDocNo":"某省人民政府赋权决定（文号）",
                 "validFrom":"2026-01-01","matters":"INSPECTION","documentCode":"这是一个超过二十个字的机关代字这是一个超过二十个字的"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("documentCode"));
        JsonNode empowered = json(send("sysadmin", post("/api/admin/townships"), """
                {"agencyId":1,"name":"青山街道","legalForm":"EMPOWERED","authorityDocNo":"某省人民政府赋权决定（文号）",
                 "validFrom":"2026-01-01","matters":"INSPECTION","documentCode":"江青山应急"}""").andExpect(status().isCreated()));
        long e = empowered.get("id").asLong();
        assertThat(empowered.get("documentCode").asText()).isEqualTo("江青山应急");
        assertThat(townships.findById(e).orElseThrow().getDocumentCode()).isEqualTo("江青山应急");
        assertThat(delegations.actsInOwnName(e)).isTrue();
        assertThat(delegations.mayAct(e, "INSPECTION", LocalDate.of(2040, 1, 1))).isTrue();

        send("sysadmin", put("/api/admin/townships/" + id), """
                {"agencyId":1,"name":"白沙镇","legalForm":"DELEGATED","authorityDocNo":"江应急委〔2026〕3号",
                 "validFrom":"2026-01-01","validUntil":"2027-12-31","matters":"INSPECTION","version":0}""")
                .andExpect(status().isOk());
        assertThat(delegations.mayAct(id, "INSPECTION", LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(delegations.mayAct(id, "AQF-102", LocalDate.of(2026, 6, 1))).isFalse();
    }

    @Test
    void anAdministratorOfACountySeesNothingAboveIt() throws Exception {
        long county = json(send("sysadmin", post("/api/admin/agencies"), """
                {"name":"江城市西区应急管理局","shortName":"江西应急","level":"COUNTY","parentId":1}""")).get("id").asLong();
        JsonNode created = json(send("sysadmin", post("/api/admin/users"), """
                {"username":"countysys","fullName":"县系统管理员","agencyId":%d,"enabled":true}""".formatted(county)));
        long id = created.at("/user/id").asLong();
        send("secadmin", put("/api/admin/users/" + id + "/roles"), "{\"roles\":[\"SYSTEM_ADMIN\"],\"version\":0}").andExpect(status().isOk());
        AppUser u = users.findById(id).orElseThrow();
        // give it a known password without the forced change, as if it had changed it itself
        jdbc.update("UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE username = 'sysadmin'),"
                + " must_change_password = FALSE WHERE id = ?", u.getId());
        mvc.perform(get("/api/admin/agencies").with(httpBasic("countysys", "demo1234")))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(county));
        mvc.perform(get("/api/admin/users").with(httpBasic("countysys", "demo1234")))
                .andExpect(jsonPath("$[*].username", containsInAnyOrder("countysys")));
        mvc.perform(post("/api/admin/users/1/password-reset").with(httpBasic("countysys", "demo1234")))
                .andExpect(status().isNotFound());
        send("countysys", put("/api/admin/agencies/1"), """
                {"name":"江城市应急管理局","shortName":"江应急","level":"CITY","version":0}""").andExpect(status().isNotFound());
    }

    @Test
    void anExpiredCertificateCannotBeChosenAsAnInspectingOfficer() throws Exception {
        JsonNode created = json(send("sysadmin", post("/api/admin/users"), """
                {"username":"expired1","fullName":"过期证","agencyId":1,"certificateNo":"33010029999",
                 "certificateValidUntil":"2025-03-31","enabled":true}""").andExpect(status().isCreated()));
        long id = created.at("/user/id").asLong();
        assertThat(created.at("/user/certificateValidToday").asBoolean()).isFalse();
        long version = json(send("secadmin", put("/api/admin/users/" + id + "/roles"), "{\"roles\":[\"OFFICER\"],\"version\":0}")
                .andExpect(status().isOk())).get("version").asLong();

        send("officer", post("/api/inspections"), """
                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"煤磨车间","officerIds":[1,%d]}""".formatted(id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("officerIds"))
                .andExpect(jsonPath("$.errors[0].code").value("OFFICER_NOT_CERTIFIED"));
        // still valid on an earlier day
        send("officer", post("/api/inspections"), """
                {"enterpriseId":1,"inspectionDate":"2025-03-01","place":"煤磨车间","officerIds":[1,%d]}""".formatted(id))
                .andExpect(status().isCreated());
        // and the inspection form offers only officers certified today
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("officer").password("demo1234"))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/inspections/new").param("enterpriseId", "1").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("李明")))
                .andExpect(content().string(not(containsString("过期证"))));

        // a disabled officer with a valid certificate cannot be chosen either
        send("sysadmin", put("/api/admin/users/" + id), """
                {"username":"expired1","fullName":"过期证","agencyId":1,"certificateNo":"33010029999",
                 "certificateValidUntil":"2030-12-31","enabled":false,"version":%d}""".formatted(version)).andExpect(status().isOk());
        send("officer", post("/api/inspections"), """
                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"煤磨车间","officerIds":[1,%d]}""".formatted(id))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("OFFICER_DISABLED"));
    }

    @Test
    void accountInputIsCheckedFieldByFieldAndNothingIsHalfSaved() throws Exception {
        long before = users.count();
        send("sysadmin", post("/api/admin/users"), """
                {"username":"a b","fullName":"","agencyId":1,"townshipId":999,"certificateNo":"123","enabled":true}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("username", "fullName")));
        send("sysadmin", post("/api/admin/users"), """
                {"username":"half","fullName":"半","agencyId":1,"townshipId":999,"certificateNo":"123","enabled":true}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("TOWNSHIP_NOT_IN_AGENCY", "CERTIFICATE_INCOMPLETE")));
        send("sysadmin", post("/api/admin/users"), """
                {"username":"officer","fullName":"重名","agencyId":1,"enabled":true}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("DUPLICATE"));
        assertThat(users.count()).isEqualTo(before);
    }
}

package cn.yjzf.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.yjzf.enterprise.CreditCodes;
import cn.yjzf.flow.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The township matrix on every kind of record: a 清溪镇 township enforcer can neither read nor change a 城南街道
 * enterprise's inspection, finding, order or PDF, through the API or the pages, and what it gets is byte for byte
 * what a record that does not exist gets. Registration never reveals another agency's enterprise.
 */
@DemoBureauTest
class JurisdictionIsolationTest {

    static final String MISSING = "987654321";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired Fixtures fixtures;

    DemoApi township;
    String inspection;
    String finding;
    String order;

    /** 江城南方水泥 lies in 城南街道: an inspection with a free-text finding, and one with an issued order. */
    @BeforeAll
    void fixtures() throws Exception {
        DemoApi officer = new DemoApi(mvc, "officer");
        township = new DemoApi(mvc, "township");
        inspection = open(officer);
        finding = officer.created("/api/inspections/" + inspection + "/findings", "{\"description\":\"城南：通道堵塞\"}")
                .get("id").asText();
        String issued = open(officer);
        officer.created("/api/inspections/" + issued + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        order = officer.created("/api/inspections/" + issued + "/rectification-order",
                "{\"issueDate\":\"2025-06-10\",\"defaultDeadline\":\"2025-06-30\"}").get("id").asText();
    }

    private static String open(DemoApi officer) throws Exception {
        return officer.created("/api/inspections",
                "{\"enterpriseId\":1,\"inspectionDate\":\"2025-06-10\",\"place\":\"煤磨车间\",\"officerIds\":[1,2]}")
                .get("id").asText();
    }

    /** A request built for a record id: out of the caller's jurisdiction, and missing. */
    record Case(String what, Function<String, MockHttpServletRequestBuilder> request, String outOfScope) {
    }

    private List<Case> apiCases() {
        String grade = "{\"grade\":\"MAJOR\",\"reason\":\"越权修改\",\"version\":0}";
        String issue = "{\"issueDate\":\"2025-06-10\",\"defaultDeadline\":\"2025-06-30\"}";
        return List.of(
                new Case("enterprise", id -> get("/api/enterprises/" + id), "1"),
                new Case("inspection", id -> get("/api/inspections/" + id), inspection),
                new Case("checklist", id -> get("/api/inspections/" + id + "/checklist"), inspection),
                new Case("finding rejudgment", id -> get("/api/findings/" + id + "/rejudgment"), finding),
                new Case("order", id -> get("/api/rectification-orders/" + id), order),
                new Case("order PDF", id -> get("/api/rectification-orders/" + id + "/pdf"), order),
                new Case("open inspection", id -> json(post("/api/inspections"), "{\"enterpriseId\":" + id
                        + ",\"inspectionDate\":\"2025-06-10\",\"place\":\"车间\",\"officerIds\":[5,6]}"), "1"),
                new Case("add finding", id -> json(post("/api/inspections/" + id + "/findings"), "{\"description\":\"越权\"}"), inspection),
                new Case("grade finding (inspection)", id -> json(put("/api/inspections/" + id + "/findings/" + finding + "/grade"), grade), inspection),
                new Case("grade finding (finding)", id -> json(put("/api/inspections/" + inspection + "/findings/" + id + "/grade"), grade), finding),
                new Case("issue order", id -> json(post("/api/inspections/" + id + "/rectification-order"), issue), inspection));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
        return r.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void overTheApiAnotherTownshipsRecordsAreExactlyAsMissingAsMissingOnes() throws Exception {
        RowCounts before = RowCounts.of(jdbc);
        for (Case c : apiCases()) {
            MvcResult outside = township.perform(c.request().apply(c.outOfScope()));
            MvcResult missing = township.perform(c.request().apply(MISSING));
            assertThat(outside.getResponse().getStatus()).as(c.what()).isEqualTo(404);
            assertThat(outside.getResponse().getContentAsByteArray()).as(c.what())
                    .isEqualTo(missing.getResponse().getContentAsByteArray());
            assertThat(outside.getResponse().getContentType()).isEqualTo(missing.getResponse().getContentType());
        }
        assertThat(RowCounts.of(jdbc)).as("nothing changed").isEqualTo(before);
        // the bureau's officer does see them
        DemoApi officer = new DemoApi(mvc, "officer");
        assertThat(officer.perform(get("/api/rectification-orders/" + order + "/pdf")).getResponse().getStatus()).isEqualTo(200);
    }

    private List<Case> pageCases() {
        return List.of(
                new Case("enterprise page", id -> get("/enterprises/" + id), "1"),
                new Case("new inspection form", id -> get("/inspections/new?enterpriseId=" + id), "1"),
                new Case("inspection page", id -> get("/inspections/" + id), inspection),
                new Case("checklist page", id -> get("/inspections/" + id + "/checklist"), inspection),
                new Case("order PDF", id -> get("/rectification-orders/" + id + "/pdf"), order),
                new Case("open inspection", id -> post("/inspections").param("enterpriseId", id)
                        .param("inspectionDate", "2025-06-10").param("place", "车间").param("officerIds", "5,6"), "1"),
                new Case("add finding", id -> post("/inspections/" + id + "/findings").param("description", "越权"), inspection),
                new Case("record checklist", id -> post("/inspections/" + id + "/checklist")
                        .param("answers[GM-06-06][GM-06-06-GAS]", "未设置"), inspection),
                new Case("grade finding", id -> post("/inspections/" + inspection + "/findings/" + id + "/grade")
                        .param("grade", "MAJOR").param("reason", "越权").param("version", "0"), finding),
                new Case("issue order", id -> post("/inspections/" + id + "/rectification-order")
                        .param("issueDate", "2025-06-10").param("defaultDeadline", "2025-06-30"), inspection));
    }

    @Test
    void onThePagesAnotherTownshipsRecordsAreExactlyAsMissingAsMissingOnes() throws Exception {
        RowCounts before = RowCounts.of(jdbc);
        for (Case c : pageCases()) {
            MvcResult outside = page(c.request().apply(c.outOfScope()));
            MvcResult missing = page(c.request().apply(MISSING));
            assertThat(outside.getResponse().getStatus()).as(c.what()).isEqualTo(404);
            assertThat(withoutCsrfToken(outside)).as(c.what()).isEqualTo(withoutCsrfToken(missing))
                    .contains("记录不存在或不在您的管辖范围内");
        }
        assertThat(RowCounts.of(jdbc)).as("nothing changed").isEqualTo(before);
    }

    private MvcResult page(MockHttpServletRequestBuilder r) throws Exception {
        return mvc.perform(r.with(user(users.loadUserByUsername("township"))).with(csrf())).andReturn();
    }

    /** The page's logout form carries a fresh, randomly masked CSRF token on every response; all else must match. */
    private static String withoutCsrfToken(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"…\"");
    }

    @Test
    void registrationNeverRevealsAnotherAgencysEnterprise() throws Exception {
        Fixtures.Bureau other = fixtures.bureau("邻");
        String demoCode = "91330100MA2J00001" + CreditCodes.checkCharacter("91330100MA2J00001"); // 江城南方水泥
        String body = "{\"creditCode\":\"" + demoCode + "\",\"name\":\"邻市登记的同一企业\",\"industry\":\"BUILDING_MATERIALS\","
                + "\"address\":\"邻市路1号\",\"legalRepresentative\":\"刘国强\"}";
        MockHttpServletRequestBuilder register = post("/api/enterprises").with(httpBasic(other.officer().username(), "x"))
                .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
        // another agency's register is not consulted, so nothing about it can leak
        assertThat(mvc.perform(register).andReturn().getResponse().getStatus()).isEqualTo(201);
        MvcResult again = mvc.perform(post("/api/enterprises").with(httpBasic(other.officer().username(), "x"))
                .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8))).andReturn();
        assertDuplicate(again);
        // within the demo bureau the same code is a duplicate, named without any detail of the registered record
        assertDuplicate(new DemoApi(mvc, "officer").postJson("/api/enterprises", body));
    }

    private static void assertDuplicate(MvcResult r) throws Exception {
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        JsonNode error = DemoApi.JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("creditCode");
        assertThat(error.get("code").asText()).isEqualTo("DUPLICATE_CREDIT_CODE");
        assertThat(error.get("message").asText()).doesNotContain("水泥").doesNotContain("城南");
    }
}

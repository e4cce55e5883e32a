package cn.yjzf.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.yjzf.common.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The inputs issue 8 found answered with a 500 or wrongly accepted, each refused with its field and stable code;
 * the error codes no other test asserted; token renewal; the security headers.
 */
@DemoBureauTest
class RefusedInputTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    DemoApi officer;
    String inspection;

    @BeforeAll
    void fixtures() throws Exception {
        officer = new DemoApi(mvc, "officer");
        inspection = officer.created("/api/inspections",
                "{\"enterpriseId\":3,\"inspectionDate\":\"2025-06-10\",\"place\":\"冷库\",\"officerIds\":[1,2]}").get("id").asText();
    }

    private static JsonNode json(MvcResult r) throws Exception {
        return DemoApi.JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** A 400 naming {@code field} with {@code code}, and no row written. */
    private void refused(String url, String body, String field, String code) throws Exception {
        RowCounts before = RowCounts.of(jdbc);
        MvcResult r = officer.postJson(url, body);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(json(r).get("errors")).as(body).anySatisfy(e -> {
            assertThat(e.get("field").asText()).startsWith(field);
            assertThat(e.get("code").asText()).isEqualTo(code);
        });
        assertThat(RowCounts.of(jdbc)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "1900-01-01", "1949-09-30", "2999-01-01"})
    void inspectionDatesOutsideTheSaneWindowAreRefused(String date) throws Exception {
        refused("/api/inspections", "{\"enterpriseId\":3,\"inspectionDate\":\"" + date
                + "\",\"place\":\"冷库\",\"officerIds\":[1,2]}", "inspectionDate", "DATE_OUT_OF_RANGE");
    }

    @Test
    void theFirstDayOfTheWindowIsAccepted() throws Exception {
        JsonNode created = officer.created("/api/inspections",
                "{\"enterpriseId\":3,\"inspectionDate\":\"1949-10-01\",\"place\":\"冷库\",\"officerIds\":[1,2]}");
        assertThat(created.get("inspectionDate").asText()).isEqualTo("1949-10-01"); // stored as given, not shifted
    }

    @Test
    void aNullOfficerIdIsRefused() throws Exception {
        refused("/api/inspections", "{\"enterpriseId\":3,\"inspectionDate\":\"2025-06-10\",\"place\":\"冷库\",\"officerIds\":[1,null,2]}",
                "officerIds", "REQUIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.5", "-3", "1e999999999", "1E3", "999999999999999999999999999999", "0.0001"})
    void numberAnswersOutOfShapeAreRefused(String workers) throws Exception {
        refused("/api/inspections/" + inspection + "/findings", finding(workers), "answers[GM-12-02-WORKERS]", "INVALID_ANSWER");
    }

    @Test
    void aTwoHundredDigitAnswerIsRefusedForItsLength() throws Exception {
        refused("/api/inspections/" + inspection + "/findings", finding("9".repeat(200)), "answers[GM-12-02-WORKERS]", "LENGTH");
    }

    private static String finding(String workers) {
        return "{\"checklistGroup\":\"GM-12-02\",\"answers\":{\"GM-12-02-SEPARATE\":\"否\",\"GM-12-02-WORKERS\":\""
                + workers + "\"},\"description\":\"快速冻结间\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"江城\\u0000化工", "江城\\u0007化工", "江城\\u001b[31m化工", "江城\\u202e工化"})
    void controlCharactersInNamesAreRefused(String name) throws Exception {
        refused("/api/enterprises", "{\"creditCode\":\"91330100MA2J000095\",\"name\":\"" + name
                + "\",\"industry\":\"CHEMICAL\",\"address\":\"路1号\",\"legalRepresentative\":\"刘某\"}", "name", "CONTROL_CHARACTERS");
    }

    @Test
    void aFortyMegabyteBodyIsA413WithAStableCode() throws Exception {
        byte[] body = new byte[40 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        MvcResult r = officer.perform(post("/api/judgments").contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(r.getResponse().getStatus()).isEqualTo(413);
        assertThat(json(r).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        MvcResult page = mvc.perform(post("/enterprises").with(user(users.loadUserByUsername("officer"))).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(413);
    }

    @Test
    void moreThanTenThousandFindingsInOneBatchAreTooMany() throws Exception {
        String one = "{\"industry\":\"建材\",\"inspectionDate\":\"2025-06-01\"}";
        String body = "{\"findings\":[" + String.join(",", java.util.Collections.nCopies(10_001, one)) + "]}";
        MvcResult r = officer.postJson("/api/judgments", body);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo("findings");
        assertThat(json(r).get("errors").get(0).get("code").asText()).isEqualTo("TOO_MANY");
    }

    @Test
    void batchDatesAreBoundedToo() throws Exception {
        refused("/api/judgments", "{\"findings\":[{\"industry\":\"建材\",\"inspectionDate\":\"2999-01-01\"}]}",
                "findings[0].inspectionDate", "DATE_OUT_OF_RANGE");
    }

    @Test
    void aStaleManualGradeIsA409ConcurrentEdit() throws Exception {
        String finding = officer.created("/api/inspections/" + inspection + "/findings", "{\"description\":\"并发判定\"}")
                .get("id").asText();
        String url = "/api/inspections/" + inspection + "/findings/" + finding + "/grade";
        String body = "{\"grade\":\"GENERAL\",\"reason\":\"理由\",\"version\":0}";
        assertThat(officer.perform(put(url).contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)))
                .getResponse().getStatus()).isEqualTo(200);
        MvcResult stale = officer.perform(put(url).contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(json(stale).get("code").asText()).isEqualTo("CONCURRENT_EDIT");
    }

    @Test
    void aThreeThousandCharacterReviewNoteIsRefusedNamingTheField() throws Exception {
        MvcResult r = mvc.perform(post("/rules/releases/1/approve").param("version", "0").param("note", "长".repeat(3000))
                .with(user(users.loadUserByUsername("reviewer"))).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(errors(r)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("note", "LENGTH"));
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> errors(MvcResult r) {
        Object errors = r.getModelAndView() != null ? r.getModelAndView().getModel().get("errors") : null;
        if (errors == null) {
            errors = r.getFlashMap().get("errors");
        }
        return errors == null ? List.of() : (List<FieldProblem>) errors;
    }

    @ParameterizedTest
    @ValueSource(strings = {"deadline_abc", "deadline_99999999999"})
    void aDeadlineFieldWithoutAFindingNumberIsNamedNotA500(String field) throws Exception {
        RowCounts before = RowCounts.of(jdbc);
        MvcResult r = mvc.perform(post("/inspections/" + inspection + "/rectification-order")
                .param("issueDate", "2025-06-10").param(field, "2025-06-30")
                .with(user(users.loadUserByUsername("officer"))).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(errors(r)).extracting(FieldProblem::field).contains(field);
        assertThat(RowCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void anInspectionFormWithoutItsEnterpriseIsA400() throws Exception {
        MvcResult r = mvc.perform(post("/inspections").param("inspectionDate", "2025-06-10").param("place", "车间")
                .param("officerIds", "1,2").with(user(users.loadUserByUsername("officer"))).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(errors(r)).extracting(FieldProblem::field).contains("enterpriseId");
    }

    @Test
    void aTokenCannotRenewItselfOnlyThePasswordIssuesOne() throws Exception {
        MvcResult issued = mvc.perform(post("/api/token").with(httpBasic("officer", "demo1234"))).andReturn();
        assertThat(issued.getResponse().getStatus()).isEqualTo(200);
        String token = json(issued).get("accessToken").asText();
        assertThat(mvc.perform(get("/api/enterprises").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post("/api/token").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndHstsOnlyOverHttps() throws Exception {
        for (MvcResult r : List.of(mvc.perform(get("/login")).andReturn(),
                mvc.perform(get("/api/enterprises").with(httpBasic("officer", "demo1234"))).andReturn())) {
            assertThat(r.getResponse().getHeader("Content-Security-Policy"))
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-eval");
            assertThat(r.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(r.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.getResponse().getHeader("Strict-Transport-Security")).isNull();
        }
        assertThat(mvc.perform(get("/login").secure(true)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .contains("max-age=31536000");
    }

    @Test
    void unexpectedFailuresNeverShowAStackTrace() throws Exception {
        MvcResult r = officer.perform(get("/api/inspections/" + inspection).header("Accept", "application/xml"));
        assertThat(r.getResponse().getStatus()).isLessThan(500);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception");
    }
}

package cn.yjzf.penalty;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.audit.AuditTrail;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The penalty API against the demo bureau: proposals, validation, decisions, 基准 import and review, scope, audit. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:penalty;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class PenaltyApiTest {

    @Autowired MockMvc mvc;
    @Autowired AuditTrail audit;

    private ResultActions postJson(String user, String url, String json) throws Exception {
        return mvc.perform(post(url).with(httpBasic(user, "demo1234")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static final String SIGNS_TWO_PLACES = """
            {"violationDate":"2024-06-01","decisionDate":"2025-03-01",
             "violations":[{"violationCode":"AQF-099-1","stage":"首次","metricValue":2}]}""";

    @Test
    void aProposalCarriesTheDefaultLabelRangesCitationsAndVersions() throws Exception {
        postJson("officer", "/api/penalty-proposals", SIGNS_TWO_PLACES)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.violations[0].atViolationDate.tableLabel").value("系统默认（非官方基准）"))
                .andExpect(jsonPath("$.violations[0].atDecisionDate.tableLabel").value("系统默认（非官方基准）"))
                .andExpect(jsonPath("$.violations[0].atViolationDate.unitRange.max").value(50000))
                .andExpect(jsonPath("$.violations[0].atViolationDate.ruleSet", startsWith("anquanfa-2021@1.0.0#sha256:")))
                .andExpect(jsonPath("$.violations[0].atViolationDate.firedRules", hasItem("AQF2021-099-first")))
                .andExpect(jsonPath("$.violations[0].penaltyArticle").value("《安全生产法》第九十九条第（一）项"))
                .andExpect(jsonPath("$.thresholds[*].outcome", hasItem("未配置")));
    }

    @Test
    void badProposalInputIsA400NamingEachField() throws Exception {
        postJson("officer", "/api/penalty-proposals", """
                {"decisionDate":"2025-03-01","violations":[{"violationCode":"","metricValue":-1}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("violationDate")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("violations[0].violationCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("violations[0].metricValue")));
        postJson("officer", "/api/penalty-proposals", """
                {"violationDate":"2024-06-01","decisionDate":"2025-03-01","violations":[{"violationCode":"AQF-114"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("violations[0].accident"))
                .andExpect(jsonPath("$.errors[0].code").value("ACCIDENT_REQUIRED"));
        postJson("reviewer", "/api/penalty-proposals", SIGNS_TWO_PLACES).andExpect(status().isForbidden());
    }

    @Test
    void outOfRangeAmountsAreRefusedWithoutAReasonAndFlaggedWithOne() throws Exception {
        String created = postJson("officer", "/api/penalty-proposals", SIGNS_TWO_PLACES)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Integer id = JsonPath.read(created, "$.id");
        // default table: the range is the statute's (0–5万); above it is refused whatever the reason
        postJson("officer", "/api/penalty-proposals/" + id + "/decision", """
                {"version":0,"choices":[{"index":0,"unitAmount":50001,"reason":"很严重"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("choices[0].unitAmount"))
                .andExpect(jsonPath("$.errors[0].code").value("ABOVE_STATUTORY_MAX"));
        postJson("officer", "/api/penalty-proposals/" + id + "/decision", """
                {"version":0,"choices":[{"index":0,"unitAmount":20000}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flagged").value(false));
        postJson("officer", "/api/penalty-proposals/" + id + "/decision", """
                {"version":0,"choices":[{"index":0,"unitAmount":20000}]}""")
                .andExpect(status().isConflict());
        org.assertj.core.api.Assertions.assertThat(audit.of("PenaltyProposal", id.longValue()))
                .extracting(e -> e.getAction()).contains("PENALTY_PROPOSED", "PENALTY_DECIDED");
    }

    @Test
    void anImportedTableIsRejectedNamingTheRowOrGoesLiveOnlyAfterLegalReview() throws Exception {
        byte[] reported = Files.readAllBytes(Path.of("src/test/resources/penalty/shanxi-2021-superseded.csv"));
        mvc.perform(importRequest("maintainer", "sx-bad", reported))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("ROW_REJECTED"))
                .andExpect(jsonPath("$.errors[0].message", containsString("第 2 行")));
        String text = new String(reported, java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        lines.remove(2);
        lines.remove(1);
        byte[] valid = String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(importRequest("officer", "sx", valid)).andExpect(status().isForbidden());
        String stored = mvc.perform(importRequest("maintainer", "sx", valid))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("已通过校验，待法制审核"))
                .andReturn().getResponse().getContentAsString();
        Integer tableId = JsonPath.read(stored, "$.id");

        // not yet reviewed: proposals still use the default
        postJson("officer", "/api/penalty-proposals", """
                {"violationDate":"2022-06-01","decisionDate":"2022-07-01",
                 "violations":[{"violationCode":"AQF-099-1","stage":"逾期未改正","metricValue":5}]}""")
                .andExpect(jsonPath("$.violations[0].atViolationDate.tableLabel").value("系统默认（非官方基准）"));
        mvc.perform(post("/api/discretion-tables/" + tableId + "/approve").param("version", "0")
                .with(httpBasic("maintainer", "demo1234"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/discretion-tables/" + tableId + "/approve").param("version", "0")
                .with(httpBasic("reviewer", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("在用"))
                .andExpect(jsonPath("$.reviewer").value("reviewer"));
        String used;
        used = postJson("officer", "/api/penalty-proposals", """
                {"violationDate":"2022-06-01","decisionDate":"2025-07-01",
                 "violations":[{"violationCode":"AQF-099-1","stage":"逾期未改正","metricValue":5}]}""")
                .andExpect(jsonPath("$.violations[0].atViolationDate.tableLabel").value("山西省应急管理厅 晋应急发〔2021〕260号"))
                .andExpect(jsonPath("$.violations[0].atViolationDate.unitRange.min").value(170000))
                .andExpect(jsonPath("$.violations[0].atViolationDate.table", startsWith("sx#" + tableId)))
                // the decision date is after the fixture's validity: the default applies there, both are shown
                .andExpect(jsonPath("$.violations[0].atDecisionDate.tableLabel").value("系统默认（非官方基准）"))
                // the default (the bare statute, suggestion 12.5万) is lighter than the table's 17万–20万: 第三十七条
                .andExpect(jsonPath("$.violations[0].applied").value("decisionDate"))
                .andReturn().getResponse().getContentAsString();
        used = postJson("officer", "/api/penalty-proposals", """
                {"violationDate":"2022-06-01","decisionDate":"2022-07-01",
                 "violations":[{"violationCode":"AQF-099-1","stage":"逾期未改正","metricValue":5}]}""")
                .andExpect(jsonPath("$.violations[0].applied").value("violationDate"))
                .andExpect(jsonPath("$.violations[0].atDecisionDate.unitRange.min").value(170000))
                .andReturn().getResponse().getContentAsString();
        Integer id = JsonPath.read(used, "$.id");
        postJson("officer", "/api/penalty-proposals/" + id + "/decision", """
                {"version":0,"choices":[{"index":0,"unitAmount":150000}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("REASON_REQUIRED"));
        postJson("officer", "/api/penalty-proposals/" + id + "/decision", """
                {"version":0,"choices":[{"index":0,"unitAmount":150000,"reason":"整改态度积极，五处标志当日补齐"}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flagged").value(true))
                .andExpect(jsonPath("$.lines[0].flags[0]", containsString("偏离建议区间")));
    }

    private static MockMultipartHttpServletRequestBuilder importRequest(String user, String code, byte[] csv) {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/discretion-tables");
        b.file(new MockMultipartFile("file", "shanxi.csv", "text/csv", csv));
        b.param("code", code).param("name", "山西省适用《安全生产法》行政处罚自由裁量基准（夹具，已失效）")
                .param("issuer", "山西省应急管理厅").param("documentNumber", "晋应急发〔2021〕260号").param("scopeLevel", "省")
                .param("region", "山西省").param("validFrom", "2021-11-01").param("validTo", "2024-10-31")
                .param("lowerInclusive", "true").param("upperInclusive", "true")
                .param("source", "casework-facts §2（🟡 二手转载）").param("changeNote", "导入夹具");
        b.with(httpBasic(user, "demo1234"));
        return b;
    }

    @Test
    void proposalsAreScopedToTheCallersJurisdiction() throws Exception {
        String created = postJson("officer", "/api/penalty-proposals", SIGNS_TWO_PLACES)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Integer id = JsonPath.read(created, "$.id");
        mvc.perform(get("/api/penalty-proposals/" + id).with(httpBasic("township", "demo1234")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/penalty-proposals/999999").with(httpBasic("officer", "demo1234")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/penalty-proposals/" + id).with(httpBasic("officer", "demo1234")))
                .andExpect(status().isOk());
        // 三员: administrators have no business powers
        mvc.perform(get("/api/penalty-proposals/" + id).with(httpBasic("auditor", "demo1234")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/discretion-tables").with(httpBasic("sysadmin", "demo1234")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCaseOpensFromAJudgedHazard() throws Exception {
        String created = postJson("officer", "/api/inspections", """
                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"燃气配气间","officerIds":[1,2]}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Integer inspection = JsonPath.read(created, "$.id");
        String finding = postJson("officer", "/api/inspections/" + inspection + "/findings", """
                {"checklistGroup":"GM-06-06","answers":{"GM-06-06-GAS":"未设置"},"description":"燃气配气间未设置可燃气体报警"}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Integer findingId = JsonPath.read(finding, "$.id");
        mvc.perform(get("/api/penalty-proposals/from-finding/" + findingId).with(httpBasic("officer", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.violationDate").value("2025-06-10"))
                .andExpect(jsonPath("$.violations[*].violationCode", hasItem("AQF-102")))
                .andExpect(jsonPath("$.violations[0].history.majorHazard").value(true));
    }
}

package cn.yjzf.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.audit.AuditEvent;
import cn.yjzf.audit.AuditEventRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The JSON API against the demo bureau: stable error codes naming each bad field, authentication and roles. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class ApiTest {

    @Autowired MockMvc mvc;
    @Autowired AuditEventRepository audit;

    private ResultActions postJson(String user, String url, String json) throws Exception {
        return mvc.perform(post(url).with(httpBasic(user, "demo1234")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void badEnterpriseInputIsA400NamingEveryFieldWithAStableCode() throws Exception {
        postJson("officer", "/api/enterprises", """
                {"creditCode":"91350100M000100Y44","name":"","industry":"建材错","address":"x","legalRepresentative":"y"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("industry"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_FORMAT"));
        postJson("officer", "/api/enterprises", """
                {"creditCode":"91350100M000100Y44","name":"","industry":"BUILDING_MATERIALS","address":"x","legalRepresentative":"y"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("creditCode", "name")))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("INVALID_CREDIT_CODE", "REQUIRED")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("统一社会信用代码校验位错误")));
    }

    @Test
    void theInspectionFlowWorksOverTheApiAndRejectsBadInputFieldByField() throws Exception {
        postJson("officer", "/api/inspections", """
                {"enterpriseId":1,"inspectionDate":"2999-01-01","place":"","officerIds":[1]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("inspectionDate", "place", "officerIds")));
        String id = openCementWorksInspection();

        postJson("officer", "/api/inspections/" + id + "/findings", """
                {"checklistGroup":"GM-06-06","answers":{"GM-06-06-GAS":"不知道"},"description":"燃气配气间"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers[GM-06-06-GAS]"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_ANSWER"));
        postJson("officer", "/api/inspections/" + id + "/findings", """
                {"checklistGroup":"GM-06-06","answers":{"GM-06-06-GAS":"未设置"},"description":"燃气配气间未设置可燃气体报警"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hazard.grade").value("MAJOR"))
                .andExpect(jsonPath("$.hazard.gradeLabel").value("重大事故隐患"))
                .andExpect(jsonPath("$.hazard.citations[0].article").value("第六条"))
                .andExpect(jsonPath("$.hazard.citations[0].item").value("（六）"))
                .andExpect(jsonPath("$.hazard.details.firedRules[0]").value("GM2023-06-06"))
                .andExpect(jsonPath("$.hazard.details.ruleSets[0]", startsWith("gongmao-2023@1.0.0#sha256:")));
        // the earlier rejected finding left nothing behind, the accepted one is kept
        mvc.perform(get("/api/inspections/" + id).with(httpBasic("officer", "demo1234")))
                .andExpect(jsonPath("$.findings.length()").value(1));

        postJson("officer", "/api/inspections/" + id + "/rectification-order", """
                {"issueDate":"2025-06-10"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deadlines[1]"));
        String order = postJson("officer", "/api/inspections/" + id + "/rectification-order", """
                {"issueDate":"2025-06-10","deadlines":{"1":"2025-06-30"}}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documentNo").value("江应急责改〔2025〕1号"))
                .andReturn().getResponse().getContentAsString();
        String pdfUrl = order.replaceAll("^.*\"pdfUrl\":\"([^\"]+)\".*$", "$1");
        mvc.perform(get(pdfUrl).with(httpBasic("officer", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf")));
        postJson("officer", "/api/inspections/" + id + "/rectification-order", """
                {"issueDate":"2025-06-10","defaultDeadline":"2025-06-30"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_ALREADY_ISSUED"));
    }

    @Test
    void malformedJsonIsA400NotA500() throws Exception {
        postJson("officer", "/api/enterprises", "{not json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
    }

    @Test
    void theApiNeedsAuthenticationAndTheRightRole() throws Exception {
        mvc.perform(get("/api/enterprises")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/enterprises").with(httpBasic("officer", "wrong"))).andExpect(status().isUnauthorized());
        postJson("maintainer", "/api/inspections", """
                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"车间","officerIds":[1,2]}""")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void aTokenFromPostApiTokenStandsInForThePasswordWithTheSameJurisdiction() throws Exception {
        String issued = mvc.perform(post("/api/token").with(httpBasic("township", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.expiresIn").value(1800))
                .andReturn().getResponse().getContentAsString();
        String token = issued.replaceAll("^.*\"accessToken\":\"([^\"]+)\".*$", "$1");
        mvc.perform(get("/api/enterprises").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", containsInAnyOrder("江城华泰钢铁有限公司", "江城清溪食品有限公司")));
        mvc.perform(post("/api/inspections").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()); // authenticated: reaches validation, no CSRF needed
        mvc.perform(get("/api/enterprises").header("Authorization", "Bearer " + token.substring(0, token.length() - 2) + "xx"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/token").with(httpBasic("township", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTownshipEnforcerSeesOnlyItsTownship() throws Exception {
        mvc.perform(get("/api/enterprises").with(httpBasic("township", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", containsInAnyOrder("江城华泰钢铁有限公司", "江城清溪食品有限公司")));
        mvc.perform(get("/api/enterprises/1").with(httpBasic("township", "demo1234")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void openApiIsPublishedAtADiscoverableUrl() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/inspections/{id}/findings']").exists());
    }

    @Test
    void batchJudgmentJudgesManyFindingsAndNamesBadOnes() throws Exception {
        postJson("officer", "/api/judgments", """
                {"findings":[
                  {"id":"1","industry":"建材","inspectionDate":"2025-06-01","answers":{"GM-06-01-TEMP":"正常","GM-06-01-CO":"失效","GM-06-01-EXTINGUISH":"正常"}},
                  {"id":"2","industry":"机械","inspectionDate":"2025-06-01","answers":{}}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].id").value("1"))
                .andExpect(jsonPath("$.results[0].grade").value("MAJOR"))
                .andExpect(jsonPath("$.results[0].firedRules", containsInAnyOrder("GM2023-06-01", "GM2023-14")))
                .andExpect(jsonPath("$.results[1].grade").value("UNMATCHED"))
                .andExpect(jsonPath("$.results[1].reason").isNotEmpty());
        postJson("officer", "/api/judgments", """
                {"findings":[{"id":"1","industry":"建材","inspectionDate":"2025-06-01"},{"industry":"火星"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("findings[1].industry", "findings[1].inspectionDate")));
    }

    @Test
    void batchJudgmentRefusesHalfAnsweredOutOfScopeAndUnknownAnswersWithStableCodes() throws Exception {
        postJson("officer", "/api/judgments", """
                {"findings":[
                  {"id":"half","industry":"机械","flags":["粉尘涉爆"],"inspectionDate":"2025-06-01","answers":{"GM-11-10-ACCUMULATION":"是"}},
                  {"id":"scope","industry":"商贸","inspectionDate":"2025-06-01","answers":{"GM-07-07-SCOPE":"是","GM-07-07-GAS":"未设置"}},
                  {"id":"unknown","industry":"建材","inspectionDate":"2025-06-01","answers":{"GM-06-06-GAZ":"未设置"}},
                  {"id":"value","industry":"建材","inspectionDate":"2025-06-01","answers":{"GM-06-06-GAS":"坏了"}}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("findings[0].answers[GM-11-10-CLEANING]",
                        "findings[1].answers[GM-07-07-GAS]", "findings[1].answers[GM-07-07-SCOPE]",
                        "findings[2].answers[GM-06-06-GAZ]", "findings[3].answers[GM-06-06-GAS]")))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("REQUIRED", "GROUP_NOT_APPLICABLE",
                        "GROUP_NOT_APPLICABLE", "UNKNOWN_QUESTION", "INVALID_ANSWER")))
                // the paint booth at a car dealer: the article it would fall under and why it does not apply
                .andExpect(jsonPath("$.errors[1].message", containsString("第七条第（七）项")))
                .andExpect(jsonPath("$.errors[1].message", containsString("只适用于机械企业")));
    }

    @Test
    void aRoutedFindingWithOtherDeficientAnswersStaysRoutedAndNamesTheRuleToApply() throws Exception {
        postJson("officer", "/api/judgments", """
                {"findings":[{"id":"fire","industry":"冶金","inspectionDate":"2025-12-01",
                  "answers":{"GM-02-01-DOMAIN":"消防（火灾）","GM-04-02-PRODUCTION":"否","GM-04-02-WATER":"是"}}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].grade").value("UNMATCHED"))
                .andExpect(jsonPath("$.results[0].firedRules", containsInAnyOrder("GM2023-02")))
                .andExpect(jsonPath("$.results[0].reason", containsString("GB 35181-2025")))
                .andExpect(jsonPath("$.results[0].reason", containsString("消防救援机构")));
    }

    @Test
    void aFindingWithOnlyOneLimbOfATwoLimbItemIsRefusedOverTheInspectionApiAndNothingIsSaved() throws Exception {
        String id = openCementWorksInspection();
        // 第六条（一）: the temperature alarm works, the CO alarm is unknown: it could still be 重大
        postJson("officer", "/api/inspections/" + id + "/findings", """
                {"checklistGroup":"GM-06-01","answers":{"GM-06-01-TEMP":"正常"},"description":"煤磨温度报警正常"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code", everyItem(is("REQUIRED"))))
                .andExpect(jsonPath("$.errors[*].field", hasItem("answers[GM-06-01-CO]")));
        // a group of another industry (第四条 is for 冶金; this is a 建材 works) cannot be recorded at all
        postJson("officer", "/api/inspections/" + id + "/findings", """
                {"checklistGroup":"GM-04-07","answers":{"GM-04-07-PIPE":"未设置"},"description":"煤气管道无隔断装置"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("checklistGroup"))
                .andExpect(jsonPath("$.errors[0].code").value("GROUP_NOT_APPLICABLE"));
        mvc.perform(get("/api/inspections/" + id).with(httpBasic("officer", "demo1234")))
                .andExpect(jsonPath("$.findings.length()").value(0));
    }

    @Test
    void anOfficerRecordsAFlagFoundOnSiteAndOnlyThenCanItsArticleMakeAMajor() throws Exception {
        // demo enterprise 4: a 机械 works registered without 粉尘涉爆
        String created = postJson("officer", "/api/inspections", """
                {"enterpriseId":4,"inspectionDate":"2025-06-10","place":"抛光车间","officerIds":[1,2]}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = created.replaceAll("^\\{\"id\":(\\d+),.*$", "$1");
        String dryDust = """
                {"checklistGroup":"GM-11-03","answers":{"GM-11-03-PROTECTION":"未设置"},"description":"干式除尘器未设泄爆装置"}""";
        postJson("officer", "/api/inspections/" + id + "/findings", dryDust)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("GROUP_NOT_APPLICABLE"))
                .andExpect(jsonPath("$.errors[0].message", containsString("粉尘涉爆")));
        String enterprise = mvc.perform(get("/api/enterprises/4").with(httpBasic("officer", "demo1234")))
                .andReturn().getResponse().getContentAsString();
        String version = enterprise.replaceAll("^.*\"version\":(\\d+).*$", "$1");

        postJson("officer", "/api/inspections/" + id + "/enterprise-flags", """
                {"flag":"粉尘涉爆","enterpriseVersion":%s}""".formatted(version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flags", hasItem("粉尘涉爆")));
        postJson("officer", "/api/inspections/" + id + "/findings", dryDust)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hazard.grade").value("MAJOR"));
        assertThat(audit.findByEntityTypeAndEntityIdOrderById("Enterprise", 4L)).extracting(AuditEvent::getAction)
                .contains("ENTERPRISE_FLAG_FOUND_ON_SITE");
        // the version the officer saw is stale now: 409, nothing changed
        postJson("officer", "/api/inspections/" + id + "/enterprise-flags", """
                {"flag":"涉氨制冷","enterpriseVersion":%s}""".formatted(version))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONCURRENT_EDIT"));
        postJson("officer", "/api/inspections/" + id + "/enterprise-flags", """
                {"flag":"会飞","enterpriseVersion":99}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FLAG"));
    }

    /** A valid inspection of demo enterprise 1 (a 建材 works) by officers 1 and 2; returns its id. */
    private String openCementWorksInspection() throws Exception {
        String created = postJson("officer", "/api/inspections", """
                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"煤磨车间","officerIds":[1,2]}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return created.replaceAll("^\\{\"id\":(\\d+),.*$", "$1");
    }
}

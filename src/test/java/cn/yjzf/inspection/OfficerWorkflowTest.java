package cn.yjzf.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.audit.AuditEventRepository;
import cn.yjzf.audit.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 9 items 7–9 over the API and the pages of the demo bureau: who may record on an inspection, the officer's
 * words for each hazard (drafted, edited, printed; rule ids and hashes under details), pinyin order, pagination and
 * the bureau's time zone. The clock stands at 2025-06-10 20:00 UTC, which is already 2025-06-11 in 北京时间 (the
 * default {@code app.time-zone}), so a "today" taken in UTC or in the server's zone would show.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:officer-ux;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true", "app.page-size=2"})
@AutoConfigureMockMvc
class OfficerWorkflowTest {

    @TestConfiguration
    static class EveningInUtc {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-06-10T20:00:00Z"), ZoneOffset.UTC);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Demo ids: 1 officer, 2 officer2, 3 reviewer, 5 township (清溪镇); enterprise 1 水泥 (城南), 2 钢铁 (清溪镇). */
    private static final long CEMENT = 1;
    private static final long STEEL = 2;

    @Autowired MockMvc mvc;
    @Autowired AuditEventRepository auditEvents;
    @Autowired AuditTrail audit;
    @Autowired cn.yjzf.audit.ChainVerifier chain;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                               String as, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(as, "demo1234")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private long openInspection(String as, long enterprise, String officers) throws Exception {
        return body(send(post("/api/inspections"), as, """
                {"enterpriseId":%d,"inspectionDate":"2025-06-10","place":"燃气配气间","officerIds":%s}"""
                .formatted(enterprise, officers)).andExpect(status().isCreated())).get("id").asLong();
    }

    private static final String GAS_ABSENT = """
            {"checklistGroup":"GM-06-06","answers":{"GM-06-06-GAS":"未设置"}}""";

    // ---- item 8: who may record -------------------------------------------------------------------------------

    @Test
    void onlyCertifiedMembersOfTheInspectionMayRecordGradeDescribeOrIssue() throws Exception {
        long steel = openInspection("officer", STEEL, "[1,2]");
        long finding = body(send(post("/api/inspections/" + steel + "/findings"), "officer", """
                {"description":"配电室门口堆放杂物"}""").andExpect(status().isCreated())).get("id").asLong();

        // the 清溪镇 enforcer sees the inspection (in scope) but is not on it: 403 with a stable code, nothing saved
        mvc.perform(get("/api/inspections/" + steel).with(httpBasic("township", "demo1234"))).andExpect(status().isOk());
        send(post("/api/inspections/" + steel + "/findings"), "township", GAS_ABSENT)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AN_INSPECTING_OFFICER"));
        send(put("/api/inspections/" + steel + "/findings/" + finding + "/grade"), "township", """
                {"grade":"GENERAL","reason":"可立即整改","version":0}""")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AN_INSPECTING_OFFICER"));
        send(put("/api/inspections/" + steel + "/findings/" + finding + "/description"), "township", """
                {"description":"改写","version":0}""")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AN_INSPECTING_OFFICER"));
        send(post("/api/inspections/" + steel + "/rectification-order"), "township", """
                {"issueDate":"2025-06-10","defaultDeadline":"2025-07-10"}""")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AN_INSPECTING_OFFICER"));
        // reviewers and approvers never record (role), whatever certificate they hold
        send(post("/api/inspections/" + steel + "/findings"), "reviewer", GAS_ABSENT).andExpect(status().isForbidden());
        mvc.perform(get("/api/inspections/" + steel).with(httpBasic("officer", "demo1234")))
                .andExpect(jsonPath("$.findings.length()").value(1))
                .andExpect(jsonPath("$.findings[0].hazard.grade").value("UNMATCHED"));

        // out of scope stays 404, as for a record that does not exist
        long cement = openInspection("officer", CEMENT, "[1,2]");
        send(post("/api/inspections/" + cement + "/findings"), "township", GAS_ABSENT).andExpect(status().isNotFound());
    }

    @Test
    void aTownshipEnforcerWhoOpensAnInspectionIsOnItAndReviewersCannotBeMembers() throws Exception {
        JsonNode opened = body(send(post("/api/inspections"), "township", """
                {"enterpriseId":2,"inspectionDate":"2025-06-10","place":"炼钢车间","officerIds":[1,2]}""")
                .andExpect(status().isCreated()));
        assertThat(opened.get("officers").findValuesAsText("name")).containsExactly("陈晓", "李明", "张建国");
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderById("Inspection", opened.get("id").asLong()))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).contains("检查人员[1, 2, 5]"));
        send(post("/api/inspections/" + opened.get("id").asLong() + "/findings"), "township", """
                {"description":"炉前平台积水"}""").andExpect(status().isCreated());

        send(post("/api/inspections"), "officer", """
                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"车间","officerIds":[1,3]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("officerIds"))
                .andExpect(jsonPath("$.errors[0].code").value("NOT_AN_ENFORCER"));
        // a 清溪镇 enforcer cannot be put on an inspection of a 城南街道 enterprise
        send(post("/api/inspections"), "officer", """
                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"车间","officerIds":[1,5]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("OFFICER_OUT_OF_TOWNSHIP"));
    }

    @Test
    void aMemberWhoseCertificateHasLapsedByTheInspectionDateMayNotRecord() throws Exception {
        long i = openInspection("officer", CEMENT, "[1,2]");
        jdbc.update("UPDATE inspection SET inspection_date = DATE '2031-03-01' WHERE id = ?", i);
        send(post("/api/inspections/" + i + "/findings"), "officer2", GAS_ABSENT)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("OFFICER_NOT_CERTIFIED"));
    }

    @Test
    void aNonMemberSeesTheInspectionPageWithoutFormsAndIsRefusedOnPost() throws Exception {
        long steel = openInspection("officer", STEEL, "[1,2]");
        var township = user(users.loadUserByUsername("township"));
        mvc.perform(get("/inspections/" + steel).with(township))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"not-a-member\"")))
                .andExpect(content().string(not(containsString("id=\"finding-form\""))));
        mvc.perform(post("/inspections/" + steel + "/findings").with(township).with(csrf())
                        .param("description", "配电室门口堆放杂物"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("只有参加本次检查的执法人员")));
        mvc.perform(get("/inspections/" + steel + "/checklist").with(township)).andExpect(status().isForbidden());
        mvc.perform(post("/inspections/" + steel + "/checklist").with(township).with(csrf())
                .param("answers[GM-03-03][GM-03-03-HEAD]", "否")).andExpect(status().isForbidden());
        mvc.perform(post("/inspections/" + steel + "/rectification-order").with(township).with(csrf())
                .param("issueDate", "2025-06-10").param("defaultDeadline", "2025-07-10")).andExpect(status().isForbidden());
        mvc.perform(get("/inspections/" + steel).with(user(users.loadUserByUsername("officer2"))))
                .andExpect(content().string(containsString("id=\"finding-form\"")));
        mvc.perform(get("/api/inspections/" + steel).with(httpBasic("officer", "demo1234")))
                .andExpect(jsonPath("$.findings.length()").value(0));
    }

    // ---- item 7: the officer's words ----------------------------------------------------------------------

    @Test
    void theDescriptionIsDraftedFromTheAnswersEditedWithAVersionAuditedAndPrintedOnTheOrder() throws Exception {
        long i = openInspection("officer", CEMENT, "[1,2]");
        JsonNode f = body(send(post("/api/inspections/" + i + "/findings"), "officer", GAS_ABSENT)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.description").value("制氢站、氮氢保护气体配气间、燃气配气间的固定式可燃气体浓度监测报警装置未设置。"))
                .andExpect(jsonPath("$.hazard.citations[0].article").value("第六条"))
                .andExpect(jsonPath("$.hazard.details.firedRules[0]").value("GM2023-06-06"))
                .andExpect(jsonPath("$.hazard.details.ruleSets[0]", startsWith("gongmao-2023@")))
                .andExpect(jsonPath("$.hazard.details.asOf").value("2025-06-10"))
                .andExpect(jsonPath("$.hazard.firedRules").doesNotExist())
                .andExpect(jsonPath("$.hazard.ruleSets").doesNotExist()));
        String url = "/api/inspections/" + i + "/findings/" + f.get("id").asLong() + "/description";
        long version = f.get("version").asLong();

        send(post("/api/inspections/" + i + "/findings"), "officer", """
                {"answers":{}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        send(put(url), "officer", """
                {"description":"  ","version":%d}""".formatted(version))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("description"));

        String words = "2号燃气配气间未安装固定式可燃气体浓度监测报警装置，现场仅有一台便携式检测仪";
        send(put(url), "officer2", """
                {"description":"%s","version":%d}""".formatted(words, version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value(words))
                .andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.hazard.grade").value("MAJOR"));
        send(put(url), "officer", """
                {"description":"基于旧版本的改写","version":%d}""".formatted(version))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONCURRENT_EDIT"));
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderById("Finding", f.get("id").asLong()))
                .filteredOn(e -> e.getAction().equals("FINDING_DESCRIBED")).singleElement()
                .satisfies(e -> assertThat(e.getDetail()).contains("未设置。", words));

        JsonNode order = body(send(post("/api/inspections/" + i + "/rectification-order"), "officer", """
                {"issueDate":"2025-06-10","defaultDeadline":"2025-07-10"}""").andExpect(status().isCreated()));
        byte[] pdf = mvc.perform(get(order.get("pdfUrl").asText()).with(httpBasic("officer", "demo1234")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains(words, "第六条第（六）项").doesNotContain("：否", "？", "GM2023", "sha256");
        }
        send(put(url), "officer", """
                {"description":"下达后改写","version":%d}""".formatted(version + 1))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INSPECTION_CLOSED"));
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theInspectionPageShowsTheDescriptionOnceAndRuleIdsAndHashesUnderDetails() throws Exception {
        long i = openInspection("officer", CEMENT, "[1,2]");
        send(post("/api/inspections/" + i + "/findings"), "officer", GAS_ABSENT).andExpect(status().isCreated());
        String html = mvc.perform(get("/inspections/" + i).with(user(users.loadUserByUsername("officer"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = html.substring(html.indexOf("id=\"finding-1\""), html.indexOf("</tr>", html.indexOf("id=\"finding-1\"")));
        String details = row.substring(row.indexOf("<details class=\"judgment-details\">"));
        assertThat(details).contains("GM2023-06-06", "sha256:", "未设置");
        assertThat(row.substring(0, row.indexOf("<details class=\"judgment-details\">")))
                .doesNotContain("GM2023-06-06", "sha256:");
        String outside = row.substring(0, row.indexOf("<details class=\"judgment-details\">"));
        assertThat(outside).as("the answer is not repeated beside the sentence").doesNotContain("：未设置");
        assertThat(details).contains("：未设置");
        assertThat(outside.split("配气间的固定式可燃气体浓度监测报警装置未设置。", -1))
                .as("the sentence once, plus the edit box holding it").hasSize(3);

        var officer = user(users.loadUserByUsername("officer"));
        mvc.perform(post("/inspections/" + i + "/findings/draft").with(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"group\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"失效\"}}"))
                .andExpect(jsonPath("$.description").value("制氢站、氮氢保护气体配气间、燃气配气间的固定式可燃气体浓度监测报警装置失效。"));
        mvc.perform(post("/inspections/" + i + "/findings/draft").with(user(users.loadUserByUsername("township"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"group\":\"GM-06-06\",\"answers\":{}}"))
                .andExpect(status().isNotFound());
        JsonNode f = body(mvc.perform(get("/api/inspections/" + i).with(httpBasic("officer", "demo1234")))).get("findings").get(0);
        mvc.perform(post("/inspections/" + i + "/findings/" + f.get("id").asLong() + "/description").with(officer).with(csrf())
                        .param("description", "燃气配气间未装可燃气体报警器").param("version", f.get("version").asText()))
                .andExpect(redirectedUrl("/inspections/" + i));
        mvc.perform(get("/inspections/" + i).with(officer))
                .andExpect(content().string(containsString("燃气配气间未装可燃气体报警器")));
        mvc.perform(post("/inspections/" + i + "/findings/" + f.get("id").asLong() + "/description").with(officer).with(csrf())
                        .param("description", "").param("version", String.valueOf(f.get("version").asLong() + 1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写隐患描述")));
    }

    // ---- item 9: pinyin, pagination, time zone -------------------------------------------------------------

    @Test
    void enterprisesArePagedInPinyinOrderWithinTheJurisdiction() throws Exception {
        List<String> names = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode p = body(mvc.perform(get("/api/enterprises?page=" + page).with(httpBasic("officer", "demo1234")))
                    .andExpect(header().string("X-Total-Count", "6")));
            assertThat(p.size()).isEqualTo(2);
            p.forEach(e -> names.add(e.get("name").asText()));
        }
        // dōng, héng, huá, nán, qīng, wàn — by character code 万 (U+4E07) would come first
        assertThat(names).containsExactly("江城东港化工有限公司", "江城恒通机械制造有限公司", "江城华泰钢铁有限公司",
                "江城南方水泥有限公司", "江城清溪食品有限公司", "江城万家商贸有限公司");
        mvc.perform(get("/api/enterprises").with(httpBasic("township", "demo1234")))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[0].name").value("江城华泰钢铁有限公司"));

        var officer = user(users.loadUserByUsername("officer"));
        mvc.perform(get("/enterprises?page=2").with(officer))
                .andExpect(content().string(containsString("第 2 / 3 页，共 6 条")))
                .andExpect(content().string(containsString("江城华泰钢铁有限公司")))
                .andExpect(content().string(not(containsString("江城东港化工有限公司"))))
                .andExpect(content().string(containsString("href=\"/enterprises?page=3\"")));
        mvc.perform(get("/enterprises?q=江城&page=1").with(officer))
                .andExpect(content().string(containsString("/enterprises?page=2&amp;q=")));
    }

    @Test
    void inspectionsAndRuleReleasesArePaged() throws Exception {
        for (int n = 0; n < 3; n++) {
            openInspection("officer", CEMENT, "[1,2]");
        }
        var officer = user(users.loadUserByUsername("officer"));
        String first = mvc.perform(get("/").with(officer)).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("第 1 / ").contains("href=\"/?page=2\"");
        assertThat(first.split("href=\"/inspections/", -1)).hasSize(3);
        // the township enforcer's list counts only 清溪镇 inspections
        String township = mvc.perform(get("/").with(user(users.loadUserByUsername("township"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(township).doesNotContain("江城南方水泥有限公司");
        var maintainer = user(users.loadUserByUsername("maintainer"));
        for (String note : List.of("第二版", "第三版")) {
            mvc.perform(post("/rules/releases").with(maintainer).with(csrf()).param("changeNote", note))
                    .andExpect(status().is3xxRedirection());
        }
        String releasesFirst = mvc.perform(get("/rules").with(maintainer)).andReturn().getResponse().getContentAsString();
        assertThat(releasesFirst).contains("第二版", "第三版", "第 1 / 2 页，共 3 条", "href=\"/rules?page=2\"");
        String releasesSecond = mvc.perform(get("/rules?page=2").with(maintainer)).andReturn().getResponse().getContentAsString();
        assertThat(releasesSecond.substring(releasesSecond.indexOf("id=\"releases\""))).contains(">#1<").doesNotContain("第三版");
    }

    @Test
    void officersAreOfferedInPinyinOrderAndOnlyEnforcersOfTheEnterprisesTownship() throws Exception {
        String page = mvc.perform(get("/inspections/new?enterpriseId=" + STEEL).with(user(users.loadUserByUsername("officer"))))
                .andReturn().getResponse().getContentAsString();
        String form = page.substring(page.indexOf("<fieldset"));
        // chén, lǐ, zhāng, zhōu — by character code 周 < 张 < 李 < 陈
        assertThat(List.of("陈晓", "李明", "张建国", "周强")).allSatisfy(n -> assertThat(form).contains(n));
        assertThat(form.indexOf("陈晓")).isLessThan(form.indexOf("李明"));
        assertThat(form.indexOf("李明")).isLessThan(form.indexOf("张建国"));
        assertThat(form.indexOf("张建国")).isLessThan(form.indexOf("周强"));
        assertThat(form).doesNotContain("王芳", "赵振华");
        String cement = mvc.perform(get("/inspections/new?enterpriseId=" + CEMENT).with(user(users.loadUserByUsername("officer"))))
                .andReturn().getResponse().getContentAsString();
        cement = cement.substring(cement.indexOf("<fieldset"));
        assertThat(cement).contains("李明", "张建国").doesNotContain("陈晓", "周强");
    }

    @Test
    void todayIsTheBureausDateNotTheServers() throws Exception {
        LocalDate today = LocalDate.of(2025, 6, 11);
        send(post("/api/inspections"), "officer", """
                {"enterpriseId":1,"inspectionDate":"%s","place":"车间","officerIds":[1,2]}""".formatted(today))
                .andExpect(status().isCreated());
        send(post("/api/inspections"), "officer", """
                {"enterpriseId":1,"inspectionDate":"%s","place":"车间","officerIds":[1,2]}""".formatted(today.plusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("DATE_OUT_OF_RANGE"));
        var officer = user(users.loadUserByUsername("officer"));
        mvc.perform(get("/inspections/new?enterpriseId=1").with(officer))
                .andExpect(content().string(containsString("value=\"" + today + "\"")));
        long i = openInspection("officer", CEMENT, "[1,2]");
        send(post("/api/inspections/" + i + "/findings"), "officer", GAS_ABSENT).andExpect(status().isCreated());
        mvc.perform(get("/inspections/" + i).with(officer))
                .andExpect(content().string(containsString("name=\"issueDate\" value=\"" + today + "\"")));
        send(post("/api/inspections/" + i + "/rectification-order"), "officer", """
                {"issueDate":"%s","defaultDeadline":"2025-07-10"}""".formatted(today.plusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("DATE_OUT_OF_RANGE"));
        mvc.perform(post("/inspections/" + i + "/rectification-order").with(officer).with(csrf())
                        .param("issueDate", today.toString()).param("defaultDeadline", "2025-07-10"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/inspections/" + i).with(httpBasic("officer", "demo1234")))
                .andExpect(jsonPath("$.status").value("ORDER_ISSUED"));
    }
}

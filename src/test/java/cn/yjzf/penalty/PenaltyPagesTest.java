package cn.yjzf.penalty;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.organisation.CurrentUser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The Chinese pages: an officer builds a proposal and sees the reasoning; maintainers import, reviewers publish. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:penaltypages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class PenaltyPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    private CurrentUser as(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    @Test
    void anOfficerBuildsAProposalAndSeesTheReasoningAndTheDecisionIsChecked() throws Exception {
        mvc.perform(get("/penalty").with(user(as("officer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("处罚裁量建议")))
                .andExpect(content().string(containsString("第九十九条第（一）项：未在有较大危险因素")));
        mvc.perform(post("/penalty").with(user(as("officer"))).with(csrf())
                        .param("decisionDate", "2025-03-01").param("violations[0].violationCode", "AQF-099-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("违法行为发生日期")))
                .andExpect(content().string(containsString("请更正以下问题")));
        String location = mvc.perform(post("/penalty").with(user(as("officer"))).with(csrf())
                        .param("violationDate", "2024-06-01").param("decisionDate", "2025-03-01")
                        .param("violations[0].violationCode", "AQF-099-1").param("violations[0].metricValue", "2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/penalty/proposals/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(as("officer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("系统默认（非官方基准）")))
                .andExpect(content().string(containsString("按违法行为发生日 2024-06-01")))
                .andExpect(content().string(containsString("按决定日 2025-03-01")))
                .andExpect(content().string(containsString("《安全生产法》第九十九条第（一）项")))
                .andExpect(content().string(containsString("未配置")));
        mvc.perform(post(location + "/decision").with(user(as("officer"))).with(csrf())
                        .param("version", "0").param("unitAmount_0", "60000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("超过法定最高额")));
        mvc.perform(post(location + "/decision").with(user(as("officer"))).with(csrf())
                        .param("version", "0").param("unitAmount_0", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("须为非负整数")));
        mvc.perform(post(location + "/decision").with(user(as("officer"))).with(csrf())
                        .param("version", "0").param("unitAmount_0", "30000"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(user(as("officer"))))
                .andExpect(content().string(containsString("已由 officer 决定")))
                .andExpect(content().string(not(containsString("⚠ 偏离建议区间或减轻处罚，审核"))));
    }

    @Test
    void maintainersImportAndReviewersPublishOnThePage() throws Exception {
        mvc.perform(get("/penalty/tables").with(user(as("officer")))).andExpect(status().isForbidden());
        mvc.perform(get("/penalty/tables").with(user(as("maintainer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("系统默认（非官方基准）")))
                .andExpect(content().string(containsString("覆盖 17 / 18 条，42 / 43 项违法行为")));
        byte[] reported = Files.readAllBytes(Path.of("src/test/resources/penalty/shanxi-2021-superseded.csv"));
        mvc.perform(multipart("/penalty/tables").file(new MockMultipartFile("file", "山西.csv", "text/csv", reported))
                        .param("code", "sx").param("name", "山西夹具").param("issuer", "山西省应急管理厅")
                        .param("documentNumber", "晋应急发〔2021〕260号").param("scopeLevel", "省").param("validFrom", "2021-11-01")
                        .param("lowerInclusive", "true").param("source", "casework-facts §2").param("changeNote", "导入")
                        .with(user(as("maintainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 行「逾期个人罚款」")));
        String text = new String(reported, java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        lines.remove(2);
        lines.remove(1);
        String location = mvc.perform(multipart("/penalty/tables")
                        .file(new MockMultipartFile("file", "山西.csv", "text/csv", String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("code", "sx").param("name", "山西夹具").param("issuer", "山西省应急管理厅")
                        .param("documentNumber", "晋应急发〔2021〕260号").param("scopeLevel", "省").param("validFrom", "2021-11-01")
                        .param("lowerInclusive", "true").param("source", "casework-facts §2").param("changeNote", "导入")
                        .with(user(as("maintainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(as("reviewer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已通过校验，待法制审核")))
                .andExpect(content().string(containsString("法制审核通过并发布")))
                .andExpect(content().string(containsString("修改")));
        mvc.perform(post(location + "/review").param("version", "0").param("decision", "approve")
                        .with(user(as("reviewer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(user(as("maintainer"))))
                .andExpect(content().string(containsString("在用")));
    }

    @Test
    void aCaseOpensFromAHazardOnThePage() throws Exception {
        String created = mvc.perform(post("/api/inspections").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("officer", "demo1234"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":1,\"inspectionDate\":\"2025-06-10\",\"place\":\"配气间\",\"officerIds\":[1,2]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Integer inspection = com.jayway.jsonpath.JsonPath.read(created, "$.id");
        String finding = mvc.perform(post("/api/inspections/" + inspection + "/findings")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("officer", "demo1234"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"未设置报警\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Integer findingId = com.jayway.jsonpath.JsonPath.read(finding, "$.id");
        mvc.perform(get("/inspections/" + inspection).with(user(as("officer"))))
                .andExpect(content().string(containsString("/penalty?finding=" + findingId)));
        mvc.perform(get("/penalty").param("finding", findingId.toString()).with(user(as("officer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已由隐患（检查发现 #" + findingId)))
                .andExpect(content().string(containsString("value=\"2025-06-10\"")))
                .andExpect(content().string(containsString("<option value=\"AQF-102\" selected=\"selected\">")));
    }
}

package cn.yjzf.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.ClosedCases;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** 归档 of a closed case through the service, the API and the pages: once, frozen, audited, in scope. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:casefile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
@AutoConfigureMockMvc
class CaseFilingTest {

    @Autowired ClosedCases cases;
    @Autowired CaseFiles files;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void anApproverFilesAClosedCaseOnceAndTheFiledCopyNeverChanges() throws Exception {
        ClosedCases.Closed c = cases.closed();
        byte[] draft = mvc.perform(get("/cases/" + c.caseId() + "/case-file.pdf").with(user(c.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> draftPages = CaseFileBinderTest.pages(draft);
        assertThat(draftPages.get(0)).contains("江城某某有限公司安全生产违法行为行政处罚案").contains("不予行政处罚");
        assertThat(String.join("", draftPages)).contains("勘验笔录").contains("勘验现场：煤磨车间可燃气体报警装置未设置")
                .contains("决策记录").contains("违法事项：未采取措施消除事故隐患（安全生产法第一百零二条，AQF-102）");

        String body = mvc.perform(post("/api/cases/" + c.caseId() + "/case-file").with(httpBasic(c.approver().username(), "x")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.archiveNo").value(org.hamcrest.Matchers.containsString("案〔")))
                .andReturn().getResponse().getContentAsString();
        Long fileId = com.jayway.jsonpath.JsonPath.parse(body).read("$.id", Long.class);
        CaseFile filed = files.filed(c.officer(), c.caseId()).orElseThrow();
        assertThat(CaseFiles.sha256(filed.getPdf())).isEqualTo(filed.getPdfSha256());
        assertThat(CaseFileBinderTest.pages(filed.getPdf()).get(0)).contains(filed.getArchiveNo()).contains("保存期限永久");
        assertThat(audit.of("CaseFile", fileId)).singleElement()
                .satisfies(e -> assertThat(e.getAction()).isEqualTo("CASE_FILE_ARCHIVED"));

        // the case's records change afterwards: the filed copy does not
        jdbc.update("UPDATE case_act SET summary = '事后改动' WHERE case_id = ?", c.caseId());
        byte[] again = mvc.perform(get("/cases/" + c.caseId() + "/case-file.pdf").with(user(c.unitHead())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(filed.getPdf());
        assertThatThrownBy(() -> files.file(c.approver(), c.caseId())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("已归档");
        mvc.perform(post("/api/cases/" + c.caseId() + "/case-file").with(httpBasic(c.approver().username(), "x")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CASE_FILE_FROZEN"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_id = ?", Integer.class, c.caseId())).isEqualTo(1);
    }

    @Test
    void onlyAnApproverFilesAndOnlyAClosedCase() throws Exception {
        ClosedCases.Closed open = cases.open();
        assertThatThrownBy(() -> files.file(open.approver(), open.caseId())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("尚未结案");
        ClosedCases.Closed closed = cases.closed();
        assertThatThrownBy(() -> files.file(closed.officer(), closed.caseId())).isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/api/cases/" + closed.caseId() + "/case-file").with(httpBasic(closed.officer().username(), "x")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cases/" + closed.caseId() + "/case-file").with(user(closed.approver()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(files.filed(closed.officer(), closed.caseId())).isPresent();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_id = ?", Integer.class, open.caseId())).isZero();
    }

    @Test
    void anotherAgencyGetsTheSame404ForTheCaseFileAsForAMissingCase() throws Exception {
        ClosedCases.Closed mine = cases.closed();
        ClosedCases.Closed other = cases.closed();
        mvc.perform(get("/cases/" + mine.caseId() + "/case-file.pdf").with(user(other.officer()))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/999999999/case-file.pdf").with(user(other.officer()))).andExpect(status().isNotFound());
        mvc.perform(post("/api/cases/" + mine.caseId() + "/case-file").with(httpBasic(other.approver().username(), "x")))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> files.file(other.approver(), mine.caseId())).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_id = ?", Integer.class, mine.caseId())).isZero();
    }
}

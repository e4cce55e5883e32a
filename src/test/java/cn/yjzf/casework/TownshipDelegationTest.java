package cn.yjzf.casework;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 12 §3 over the API and the pages: a township enforcer's every step re-checks the township's 委托书 / 赋权
 * decision (organisation module); under 赋权 the township's own people review and decide in its name, under 委托 the
 * agency's; the queues follow; and the case penalty is taken from a stored penalty proposal.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:township-delegation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
@AutoConfigureMockMvc
class TownshipDelegationTest {

    static final String MATTER = "AQF-102";
    static final LocalDate FROM = LocalDate.of(2025, 1, 1);

    @Autowired MockMvc mvc;
    @Autowired CaseFixtures fx;
    @Autowired CaseworkService service;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    private ResultActions postJson(CurrentUser u, String url, String body) throws Exception {
        return mvc.perform(post(url).with(httpBasic(u.username(), "x")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions getAs(CurrentUser u, String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(u.username(), "x")));
    }

    private JsonNode read(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    private JsonNode open(CurrentUser by, CurrentUser second, Long townshipId, String cause) throws Exception {
        return read(postJson(by, "/api/cases", """
                {"partyName":"江城某公司","partyType":"ORGANISATION","matterCode":"%s","townshipId":%s,"source":"HAZARD",
                 "cause":"%s","handlerIds":[%d,%d]}""".formatted(MATTER, townshipId, cause, by.id(), second.id()))
                .andExpect(status().isCreated()));
    }

    private ResultActions act(CurrentUser u, JsonNode c, Action a) throws Exception {
        return postJson(u, "/api/cases/" + c.get("id").asLong() + "/actions",
                "{\"action\":\"%s\",\"version\":%d}".formatted(a, c.get("version").asLong()));
    }

    private JsonNode ok(ResultActions r) throws Exception {
        return read(r.andExpect(status().isOk()));
    }

    /** From 立案审批: filing approved by {@code approver}, one investigative act, investigation concluded. */
    private JsonNode toHandling(JsonNode c, CurrentUser handler, CurrentUser second, CurrentUser approver) throws Exception {
        c = ok(act(approver, c, Action.APPROVE));
        c = read(postJson(handler, "/api/cases/" + c.get("id").asLong() + "/acts", """
                {"kind":"INTERROGATION","performedOn":"%s","summary":"询问当事人","officerIds":[%d,%d]}"""
                .formatted(BeijingDate.today(), handler.id(), second.id())).andExpect(status().isCreated()));
        return ok(act(handler, c, Action.CONCLUDE_INVESTIGATION));
    }

    private ResultActions submit(CurrentUser u, JsonNode c, String ref, String fine, String deviationReason) throws Exception {
        return postJson(u, "/api/cases/" + c.get("id").asLong() + "/actions", """
                {"action":"SUBMIT","version":%d,"proposalRef":%s,"fine":%s,"penalty":"浏览器改写的处罚","bandMin":0,
                 "bandMax":99999999,"reasoning":"浏览器改写的理由","deviationReason":%s,"legalReviewRequired":true}"""
                .formatted(c.get("version").asLong(), ref == null ? "null" : "\"" + ref + "\"", fine,
                        deviationReason == null ? "null" : "\"" + deviationReason + "\""));
    }

    private List<Long> queue(CurrentUser u) throws Exception {
        return read(getAs(u, "/api/tasks/mine").andExpect(status().isOk())).findValues("caseId").stream()
                .map(JsonNode::asLong).toList();
    }

    private int forbiddenAudited(long caseId, String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'CASE_STEP_FORBIDDEN' AND entity_id = ?"
                + " AND detail LIKE ?", Integer.class, caseId, "%code=" + code + "%");
    }

    @Test
    void everyStepOfATownshipEnforcerRechecksTheDelegationAndARefusalIsAudited() throws Exception {
        CaseFixtures.Office o = fx.office();
        CurrentUser enforcer = o.b().townshipEnforcer();
        Long t = o.b().township().getId();
        fx.delegate(t, "ENTRUSTED", List.of(MATTER), FROM, LocalDate.of(2030, 12, 31));
        JsonNode c = open(enforcer, o.officer(), null, "委托期内立案");
        assertThat(c.get("actingMode").asText()).isEqualTo("ENTRUSTED");
        long id = c.get("id").asLong();

        // the 委托书 ran out: the next step is refused with its code, and the refusal stays on record
        fx.delegate(t, "ENTRUSTED", List.of(MATTER), FROM, BeijingDate.today().minusDays(1));
        act(enforcer, c, Action.SUBMIT_FILING).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("DELEGATION_NOT_IN_FORCE"));
        assertThat(forbiddenAudited(id, "DELEGATION_NOT_IN_FORCE")).isEqualTo(1);
        // the matter was taken out of the catalogue
        fx.delegate(t, "ENTRUSTED", List.of("AQF-099-1"), FROM, LocalDate.of(2030, 12, 31));
        act(enforcer, c, Action.SUBMIT_FILING).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("MATTER_NOT_DELEGATED"));
        assertThat(forbiddenAudited(id, "MATTER_NOT_DELEGATED")).isEqualTo(1);
        // the page says why in Chinese
        mvc.perform(post("/cases/" + id + "/actions").param("action", "SUBMIT_FILING").param("version", "0")
                        .with(user(enforcer)).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("委托或赋权事项目录")));
        getAs(o.officer(), "/api/cases/" + id).andExpect(jsonPath("$.stage").value("DRAFT"));
        // renewed: the work goes on
        fx.delegate(t, "ENTRUSTED", List.of(MATTER), FROM, LocalDate.of(2030, 12, 31));
        act(enforcer, c, Action.SUBMIT_FILING).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("FILING_REVIEW"));
    }

    @Test
    void underEmpowermentTheTownshipsOwnPeopleReviewAndDecideInItsNameAndTheAgencyNeverSeesThoseTasks() throws Exception {
        CaseFixtures.Office o = fx.office();
        CurrentUser enforcer = o.b().townshipEnforcer();
        Long t = o.b().township().getId();
        Long t2 = o.b().otherTownship().getId();
        fx.delegate(t, "EMPOWERED", List.of(MATTER), FROM, null);
        CurrentUser head = fx.townshipUser("t-head", o.b(), t, Role.UNIT_HEAD);
        CurrentUser legal = fx.townshipUser("t-legal", o.b(), t, Role.LEGAL_REVIEWER);
        CurrentUser lead = fx.townshipUser("t-lead", o.b(), t, Role.APPROVER);

        JsonNode c = open(enforcer, o.officer(), null, "赋权乡镇自办案件");
        long id = c.get("id").asLong();
        assertThat(c.get("actingMode").asText()).isEqualTo("EMPOWERED");
        assertThat(c.get("issuingName").asText()).isEqualTo(o.b().township().getName());
        JsonNode agencyCase = open(o.officer(), o.officer2(), t2, "机关自办案件");
        long agencyId = agencyCase.get("id").asLong();

        c = ok(act(enforcer, c, Action.SUBMIT_FILING));
        agencyCase = ok(act(o.officer(), agencyCase, Action.SUBMIT_FILING));
        // queues: the township's 立案审批 only in the township's, the agency's only in the agency's
        assertThat(queue(lead)).contains(id).doesNotContain(agencyId);
        assertThat(queue(o.approver())).contains(agencyId).doesNotContain(id);
        mvc.perform(get("/tasks").with(user(o.approver()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("机关自办案件")))
                .andExpect(content().string(not(containsString("赋权乡镇自办案件"))));
        mvc.perform(get("/tasks").with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("赋权乡镇自办案件")))
                .andExpect(content().string(not(containsString("机关自办案件"))));
        // the agency's approver may read the case but not decide it; refused with a code and audited
        act(o.approver(), c, Action.APPROVE).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_THE_DECIDING_BODY"));
        assertThat(forbiddenAudited(id, "NOT_THE_DECIDING_BODY")).isEqualTo(1);
        act(lead, agencyCase, Action.APPROVE).andExpect(status().isNotFound()); // another township's case: as if missing

        c = toHandling(c, enforcer, o.officer(), lead);
        c = ok(submit(enforcer, c, fx.proposal(enforcer, MATTER), "30000", null));
        assertThat(c.get("stage").asText()).isEqualTo("TIER_UNIT");
        act(o.unitHead(), c, Action.APPROVE).andExpect(status().isForbidden());
        c = ok(act(head, c, Action.APPROVE));
        assertThat(c.get("task").get("holder").asText()).contains(o.b().township().getName());
        act(o.reviewer(), c, Action.APPROVE).andExpect(status().isForbidden());
        assertThat(queue(o.reviewer())).doesNotContain(id);
        assertThat(queue(legal)).contains(id);
        c = ok(act(legal, c, Action.APPROVE));
        act(o.approver(), c, Action.APPROVE).andExpect(status().isForbidden());
        c = ok(act(lead, c, Action.APPROVE));
        assertThat(c.get("stage").asText()).isEqualTo("NOTICE");
        assertThat(c.get("issuingName").asText()).isEqualTo(o.b().township().getName());

        // guessing ids: the township's people cannot read or change the other township's case, API or page
        getAs(lead, "/api/cases/" + agencyId).andExpect(status().isNotFound());
        getAs(legal, "/api/cases").andExpect(jsonPath("$[*].id", not(hasItem((int) agencyId))));
        mvc.perform(get("/cases/" + agencyId).with(user(lead))).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + agencyId + "/actions").param("action", "APPROVE")
                        .param("version", agencyCase.get("version").asText()).with(user(lead))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isNotFound());
        getAs(o.officer(), "/api/cases/" + agencyId).andExpect(jsonPath("$.stage").value("FILING_REVIEW"));
    }

    @Test
    void underEntrustmentTheAgencyReviewsAndDecidesInItsOwnName() throws Exception {
        CaseFixtures.Office o = fx.office();
        CurrentUser enforcer = o.b().townshipEnforcer();
        Long t = o.b().township().getId();
        fx.delegate(t, "ENTRUSTED", List.of(MATTER), FROM, LocalDate.of(2030, 12, 31));
        CurrentUser townshipLead = fx.townshipUser("t-lead", o.b(), t, Role.APPROVER);

        JsonNode c = open(enforcer, o.officer(), null, "委托乡镇案件");
        long id = c.get("id").asLong();
        assertThat(c.get("issuingName").asText()).isEqualTo(o.b().agency().getName());
        c = ok(act(enforcer, c, Action.SUBMIT_FILING));
        assertThat(queue(townshipLead)).doesNotContain(id);
        assertThat(queue(o.approver())).contains(id);
        act(townshipLead, c, Action.APPROVE).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_THE_DECIDING_BODY"));
        c = toHandling(c, enforcer, o.officer(), o.approver()); // 立案审批 at the agency
        c = ok(submit(enforcer, c, fx.proposal(enforcer, MATTER), "30000", null));
        c = ok(act(o.unitHead(), c, Action.APPROVE));
        c = ok(act(o.reviewer(), c, Action.APPROVE));
        c = ok(act(o.approver(), c, Action.APPROVE));
        assertThat(c.get("stage").asText()).isEqualTo("NOTICE");
        assertThat(c.get("issuingName").asText()).isEqualTo(o.b().agency().getName());
    }

    @Test
    void theCasePenaltyComesFromTheStoredProposalAndADeviationNeedsAReasonAndIsHighlighted() throws Exception {
        CaseFixtures.Office o = fx.office();
        JsonNode c = ok(act(o.officer(), open(o.officer(), o.officer2(), null, "按处罚建议呈批"), Action.SUBMIT_FILING));
        c = toHandling(c, o.officer(), o.officer2(), o.approver());
        long id = c.get("id").asLong();

        submit(o.officer(), c, null, "30000", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("proposalRef"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        String elsewhere = fx.proposal(fx.office().officer(), MATTER);
        submit(o.officer(), c, elsewhere, "30000", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("PROPOSAL_NOT_FOUND"));
        submit(o.officer(), c, fx.proposal(o.officer(), "AQF-099-1"), "30000", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("PROPOSAL_VIOLATION_MISMATCH"));

        String ref = fx.proposal(o.officer(), MATTER);
        JsonNode proposal = read(getAs(o.officer(), "/api/penalty-proposals/" + ref).andExpect(status().isOk()));
        JsonNode applied = proposal.get("violations").get(0);
        JsonNode range = applied.get("decisionDate".equals(applied.get("applied").asText()) ? "atDecisionDate" : "atViolationDate")
                .get("unitRange");
        long max = range.get("max").asLong();
        // above the proposal's band without a reason: refused by the procedure rules, nothing saved
        submit(o.officer(), c, ref, String.valueOf(max + 1000), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PROCEDURE_VIOLATION"));
        getAs(o.officer(), "/api/cases/" + id).andExpect(jsonPath("$.stage").value("HANDLING"));

        JsonNode submitted = ok(submit(o.officer(), c, ref, String.valueOf(max + 1000), "当事人拒不配合且隐患涉及多个车间"));
        assertThat(submitted.get("bandMin").asLong()).isEqualTo(range.get("min").asLong());
        assertThat(submitted.get("bandMax").asLong()).isEqualTo(max);
        assertThat(submitted.get("proposedPenalty").asText()).doesNotContain("浏览器改写");
        assertThat(submitted.get("proposalReasoning").asText()).startsWith("处罚建议#" + ref)
                .contains("规则集 anquanfa-2021", "裁量基准", "命中规则").doesNotContain("浏览器改写");
        assertThat(submitted.get("deviates").asBoolean()).isTrue();
        mvc.perform(get("/cases/" + id).with(user(o.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"deviation\"")))
                .andExpect(content().string(containsString("当事人拒不配合且隐患涉及多个车间")))
                .andExpect(content().string(containsString("命中规则")));
    }
}

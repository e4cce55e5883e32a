package cn.yjzf.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.common.ConflictException;
import cn.yjzf.organisation.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Scope, delegation, roles and concurrency through the JSON API and the pages. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:caseapi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
@AutoConfigureMockMvc
class CaseApiSecurityTest {

    static final String MATTER = "AQF-102";

    @Autowired MockMvc mvc;
    @Autowired CaseFixtures fx;
    @Autowired CaseworkService service;
    @Autowired ObjectMapper json;

    private ResultActions postJson(CurrentUser u, String url, String body) throws Exception {
        return mvc.perform(post(url).with(httpBasic(u.username(), "x")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions getAs(CurrentUser u, String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(u.username(), "x")));
    }

    private JsonNode openCase(CurrentUser by, CurrentUser second, Long townshipId, String matter) throws Exception {
        String body = postJson(by, "/api/cases", """
                {"partyName":"江城某公司","partyType":"ORGANISATION","matterCode":"%s","townshipId":%s,"source":"HAZARD",
                 "cause":"未采取措施消除事故隐患案","handlerIds":[%d,%d]}""".formatted(matter, townshipId, by.id(), second.id()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private String action(Action a, long version) {
        return "{\"action\":\"%s\",\"version\":%d}".formatted(a, version);
    }

    @Test
    void anotherAgencysOfficerCanNeitherReadNorChangeACaseByGuessingItsId() throws Exception {
        CaseFixtures.Office mine = fx.office();
        CaseFixtures.Office other = fx.office();
        JsonNode c = openCase(mine.officer(), mine.officer2(), null, MATTER);
        long id = c.get("id").asLong();
        postJson(mine.officer(), "/api/cases", """
                {"partyName":"甲","partyType":"ORGANISATION","matterCode":"%s","townshipId":%d,"source":"HAZARD",
                 "cause":"他局乡镇","handlerIds":[%d,%d]}""".formatted(MATTER, other.b().township().getId(), mine.officer().id(),
                mine.officer2().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_TOWNSHIP"));
        getAs(other.officer(), "/api/cases/" + id).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        postJson(other.officer(), "/api/cases/" + id + "/actions", action(Action.SUBMIT_FILING, 0)).andExpect(status().isNotFound());
        postJson(other.approver(), "/api/cases/" + id + "/actions", action(Action.APPROVE, 0)).andExpect(status().isNotFound());
        getAs(other.officer(), "/api/cases").andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.not(hasItem((int) id))));
        mvc.perform(get("/cases/" + id).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(other.officer()))).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + id + "/actions").param("action", "SUBMIT_FILING").param("version", "0")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(other.officer()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isNotFound());
        // the owner still sees it, unchanged: the page and the API
        getAs(mine.officer(), "/api/cases/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("DRAFT"));
        mvc.perform(get("/cases/" + id).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(mine.officer()))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("提交立案审批")));
        mvc.perform(get("/tasks").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(mine.officer()))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("未采取措施消除事故隐患案")));
        mvc.perform(get("/tasks").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(other.officer()))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("未采取措施消除事故隐患案"))));
    }

    @Test
    void townshipEnforcersActOnlyInTheirTownshipOnDelegatedMattersWhileTheDelegationIsValid() throws Exception {
        CaseFixtures.Office o = fx.office();
        CurrentUser township = o.b().townshipEnforcer();
        Long t = o.b().township().getId();
        Long otherTownship = o.b().otherTownship().getId();
        fx.delegate(t, "ENTRUSTED", List.of(MATTER, "AQF-099-1"), LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31));
        CurrentUser colleague = fx.fixtures.bureau("x").officer(); // another agency: not a valid co-handler
        postJson(township, "/api/cases", """
                {"partyName":"甲","partyType":"ORGANISATION","matterCode":"AQF-101-1","source":"HAZARD",
                 "cause":"目录外","handlerIds":[%d,%d]}""".formatted(township.id(), o.officer().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("matterCode"))
                .andExpect(jsonPath("$.errors[0].code").value("MATTER_NOT_DELEGATED"));
        postJson(township, "/api/cases", """
                {"partyName":"甲","partyType":"ORGANISATION","matterCode":"%s","townshipId":%d,"source":"HAZARD",
                 "cause":"他镇","handlerIds":[%d,%d]}""".formatted(MATTER, otherTownship, township.id(), o.officer().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("townshipId"));
        postJson(township, "/api/cases", """
                {"partyName":"甲","partyType":"ORGANISATION","matterCode":"%s","source":"HAZARD",
                 "cause":"外机关承办人","handlerIds":[%d,%d]}""".formatted(MATTER, township.id(), colleague.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_OFFICER"));

        JsonNode inTownship = openCase(township, o.officer(), null, MATTER);
        assertThat(inTownship.get("actingMode").asText()).isEqualTo("ENTRUSTED");
        assertThat(inTownship.get("issuingName").asText()).isEqualTo(o.b().agency().getName());
        // a case of the other township is invisible to the township enforcer, visible to the bureau
        JsonNode elsewhere = openCase(o.officer(), o.officer2(), otherTownship, MATTER);
        getAs(township, "/api/cases/" + elsewhere.get("id").asLong()).andExpect(status().isNotFound());
        postJson(township, "/api/cases/" + elsewhere.get("id").asLong() + "/actions", action(Action.SUBMIT_FILING, 0))
                .andExpect(status().isNotFound());
        getAs(o.officer(), "/api/cases/" + inTownship.get("id").asLong()).andExpect(status().isOk());
    }

    @Test
    void underEmpowermentTheTownshipDecidesInItsOwnName() throws Exception {
        CaseFixtures.Office o = fx.office();
        CurrentUser township = o.b().townshipEnforcer();
        fx.delegate(o.b().township().getId(), "EMPOWERED", List.of(MATTER), LocalDate.of(2025, 1, 1), null);
        JsonNode c = openCase(township, o.officer(), null, MATTER);
        assertThat(c.get("actingMode").asText()).isEqualTo("EMPOWERED");
        assertThat(c.get("issuingName").asText()).isEqualTo(o.b().township().getName());
    }

    @Test
    void twoApproversOnOneTaskAndAnApprovalRacingAReturnLeaveExactlyOneWinner() throws Exception {
        CaseFixtures.Office o = fx.office();
        JsonNode c = openCase(o.officer(), o.officer2(), null, MATTER);
        long id = c.get("id").asLong();
        JsonNode filed = json.readTree(postJson(o.officer(), "/api/cases/" + id + "/actions",
                action(Action.SUBMIT_FILING, c.get("version").asLong())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        long seen = filed.get("version").asLong();
        // both approvers saw version `seen`; the first wins, the second is told the case changed
        postJson(o.approver(), "/api/cases/" + id + "/actions", action(Action.APPROVE, seen)).andExpect(status().isOk());
        postJson(o.approver2(), "/api/cases/" + id + "/actions", action(Action.APPROVE, seen))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONCURRENT_EDIT"));
        JsonNode now = json.readTree(getAs(o.officer(), "/api/cases/" + id).andReturn().getResponse().getContentAsString());
        assertThat(now.get("stage").asText()).isEqualTo("INVESTIGATION");
        assertThat(now.get("history").findValuesAsText("action").stream().filter("APPROVE"::equals).count()).isEqualTo(1);

        // approval racing a return at tier 1
        PenaltyCase pc = service.get(o.officer(), id);
        service.addAct(o.officer(), id, new NewAct(CaseEnums.ActKind.INTERROGATION, LocalDate.of(2026, 3, 1), "询问",
                List.of(o.officer().id(), o.officer2().id())));
        pc = service.perform(o.officer(), id, CaseCommand.of(Action.CONCLUDE_INVESTIGATION, pc.getVersion()));
        pc = service.perform(o.officer(), id, CaseWorkflowTest.submit(pc, fx.proposal(o.officer(), MATTER), "30000", true));
        long tierVersion = pc.getVersion();
        postJson(o.unitHead(), "/api/cases/" + id + "/actions", """
                {"action":"RETURN","version":%d,"target":"INVESTIGATION","reason":"补充询问笔录"}""".formatted(tierVersion))
                .andExpect(status().isOk());
        postJson(o.unitHead(), "/api/cases/" + id + "/actions", action(Action.APPROVE, tierVersion))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONCURRENT_EDIT"));
        now = json.readTree(getAs(o.officer(), "/api/cases/" + id).andReturn().getResponse().getContentAsString());
        assertThat(now.get("stage").asText()).isEqualTo("INVESTIGATION");
        assertThat(now.get("task").get("stage").asText()).isEqualTo("INVESTIGATION");
    }

    @Test
    void twoApproversSubmittingAtTheSameInstantProduceOneApprovalAndOneConflict() throws Exception {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), MATTER));
        c = service.perform(o.officer(), c.getId(), CaseCommand.of(Action.SUBMIT_FILING, c.getVersion()));
        long id = c.getId();
        long version = c.getVersion();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (CurrentUser approver : List.of(o.approver(), o.approver2())) {
            results.add(pool.submit(() -> {
                together.await();
                try {
                    service.perform(approver, id, CaseCommand.of(Action.APPROVE, version));
                    return "OK";
                } catch (ConflictException e) {
                    return e.code();
                } catch (ObjectOptimisticLockingFailureException e) {
                    return "CONCURRENT_EDIT";
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("OK", "CONCURRENT_EDIT");
        assertThat(service.get(o.officer(), id).getStage()).isEqualTo(Stage.INVESTIGATION);
        assertThat(service.history(o.officer(), id)).filteredOn(h -> h.getAction().equals("APPROVE")).hasSize(1);
    }

    @Test
    void aForbiddenStepIsA409NamingTheMissingStepsWithCitationsAndAWrongRoleIsA403() throws Exception {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), MATTER));
        c = service.perform(o.officer(), c.getId(), CaseCommand.of(Action.SUBMIT_FILING, c.getVersion()));
        c = service.perform(o.approver(), c.getId(), CaseCommand.of(Action.APPROVE, c.getVersion()));
        postJson(o.officer(), "/api/cases/" + c.getId() + "/actions", action(Action.DECIDE, c.getVersion()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PROCEDURE_VIOLATION"))
                .andExpect(jsonPath("$.errors[*].code", hasItem("PROC-44-NOTICE")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("行政处罚告知")));
        postJson(o.officer(), "/api/cases/" + c.getId() + "/actions", action(Action.CONCLUDE_INVESTIGATION, c.getVersion()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].code").value("PROC-42-ACTS"));
        postJson(o.reviewer(), "/api/cases/" + c.getId() + "/actions", action(Action.APPROVE, c.getVersion()))
                .andExpect(status().isForbidden());
        postJson(o.officer(), "/api/cases/" + c.getId() + "/acts", """
                {"kind":"INTERROGATION","performedOn":"2026-03-01","summary":"询问","officerIds":[%d,%d]}"""
                .formatted(o.officer().id(), o.b().uncertified().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].code", hasItem("NOT_CERTIFIED")));
        JsonNode view = json.readTree(getAs(o.officer(), "/api/cases/" + c.getId()).andReturn().getResponse().getContentAsString());
        assertThat(view.get("missing").findValuesAsText("rule")).containsExactly("PROC-42-ACTS");
        assertThat(view.get("acts")).isEmpty();
    }
}

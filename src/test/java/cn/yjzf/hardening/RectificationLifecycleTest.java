package cn.yjzf.hardening;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The rectification lifecycle of an order item through the API: every transition allowed from the right state by
 * the right role, refused otherwise (409 WRONG_STATE / 403 / 400 naming the field), stale versions refused (409
 * CONCURRENT_EDIT), out-of-jurisdiction items answered 404, and each step audited.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:rectlife;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class RectificationLifecycleTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired cn.yjzf.rectification.RectificationLifecycle lifecycle;

    DemoApi officer;
    DemoApi approver;

    @BeforeEach
    void login() throws Exception {
        officer = new DemoApi(mvc, "officer");
        approver = new DemoApi(mvc, "approver");
    }

    /** An issued order for one major hazard of 江城南方水泥; returns its only item. */
    JsonNode issuedItem(LocalDate deadline) throws Exception {
        LocalDate today = BeijingDate.today();
        LocalDate inspected = deadline.isBefore(today) ? deadline.minusDays(20) : today;
        String id = officer.created("/api/inspections", "{\"enterpriseId\":1,\"inspectionDate\":\"" + inspected
                + "\",\"place\":\"煤磨车间\",\"officerIds\":[1,2]}").get("id").asText();
        officer.created("/api/inspections/" + id + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        String order = officer.created("/api/inspections/" + id + "/rectification-order",
                "{\"issueDate\":\"" + inspected + "\",\"defaultDeadline\":\"" + deadline + "\"}").get("id").asText();
        JsonNode items = json(officer.perform(get("/api/rectification-orders/" + order + "/items")));
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    static JsonNode json(MvcResult r) throws Exception {
        return DemoApi.JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MvcResult step(DemoApi who, JsonNode item, String action, String fields) throws Exception {
        return who.postJson("/api/rectification-items/" + item.get("id").asText() + "/" + action,
                "{\"version\":" + item.get("version").asLong() + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    JsonNode ok(MvcResult r) throws Exception {
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
        return json(r);
    }

    @Test
    void aHazardGoesFromOrderThroughReportAndReinspectionToClosureAndEveryStepIsAudited() throws Exception {
        JsonNode item = issuedItem(BeijingDate.today().plusDays(30));
        assertThat(item.get("status").asText()).isEqualTo("ORDERED");
        assertThat(item.get("major").asBoolean()).isTrue();

        item = ok(step(officer, item, "progress", "\"note\":\"企业报告：已采购燃气报警器\""));
        assertThat(item.get("status").asText()).isEqualTo("RECTIFYING");
        assertThat(item.get("lastNote").asText()).isEqualTo("企业报告：已采购燃气报警器");
        item = ok(step(officer, item, "reinspection-request", "\"note\":\"报警器已安装并联动\""));
        assertThat(item.get("status").asText()).isEqualTo("AWAITING_REINSPECTION");
        item = ok(step(officer, item, "reinspection", "\"passed\":true,\"note\":\"现场复查，报警器完好\""));
        assertThat(item.get("status").asText()).isEqualTo("PASSED");
        assertThat(item.get("reinspectedOn").asText()).isEqualTo(BeijingDate.today().toString());

        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'RectificationTrack' "
                + "and entity_id = ? order by seq", String.class, item.get("id").asLong()))
                .containsExactly("RECTIFICATION_PROGRESS", "RECTIFICATION_REINSPECTION_REQUESTED", "RECTIFICATION_PASSED");
        // closed: nothing more may happen to it
        assertThat(step(officer, item, "progress", "\"note\":\"再报\"").getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void transitionsFromTheWrongStateOrWithoutANoteAreRefusedAndChangeNothing() throws Exception {
        JsonNode item = issuedItem(BeijingDate.today().plusDays(30));
        MvcResult early = step(officer, item, "reinspection", "\"passed\":true,\"note\":\"复查\"");
        assertThat(early.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(early)).contains("WRONG_STATE");
        MvcResult noNote = step(officer, item, "progress", "\"note\":\"  \"");
        assertThat(noNote.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noNote)).contains("\"note\"").contains("REQUIRED");
        MvcResult noVerdict = step(officer, ok(step(officer, item, "reinspection-request", "\"note\":\"已整改\"")),
                "reinspection", "\"note\":\"复查\"");
        assertThat(noVerdict.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noVerdict)).contains("\"passed\"");
        assertThat(json(officer.perform(get("/api/rectification-items/" + item.get("id").asText())))
                .get("status").asText()).isEqualTo("AWAITING_REINSPECTION");
    }

    @Test
    void aFailedReinspectionSetsANewDeadlineAndTheItemCanBeReportedAgain() throws Exception {
        JsonNode item = issuedItem(BeijingDate.today().plusDays(30));
        item = ok(step(officer, item, "reinspection-request", "\"note\":\"已整改\""));
        LocalDate again = BeijingDate.today().plusDays(10);
        item = ok(step(officer, item, "reinspection", "\"passed\":false,\"note\":\"报警器未联动\",\"newDeadline\":\"" + again + "\""));
        assertThat(item.get("status").asText()).isEqualTo("FAILED");
        assertThat(item.get("deadline").asText()).isEqualTo(again.toString());
        item = ok(step(officer, item, "progress", "\"note\":\"重新整改中\""));
        assertThat(item.get("status").asText()).isEqualTo("RECTIFYING");
    }

    @Test
    void aStaleVersionIsRefusedWithConcurrentEdit() throws Exception {
        JsonNode seen = issuedItem(BeijingDate.today().plusDays(30));
        ok(step(officer, seen, "progress", "\"note\":\"第一次报告\""));
        MvcResult stale = step(officer, seen, "progress", "\"note\":\"基于旧版本的报告\"");
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(stale)).contains("CONCURRENT_EDIT");
        assertThat(json(officer.perform(get("/api/rectification-items/" + seen.get("id").asText())))
                .get("lastNote").asText()).isEqualTo("第一次报告");
    }

    @Test
    void anExtensionIsRequestedByTheOfficerAndDecidedOnlyByTheApprover() throws Exception {
        JsonNode item = issuedItem(BeijingDate.today().plusDays(30));
        LocalDate until = BeijingDate.today().plusDays(60);
        MvcResult notLater = step(officer, item, "extension", "\"until\":\"" + BeijingDate.today().plusDays(5) + "\",\"note\":\"x\"");
        assertThat(notLater.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(notLater)).contains("\"until\"");
        item = ok(step(officer, item, "extension", "\"until\":\"" + until + "\",\"note\":\"设备到货周期长\""));
        assertThat(item.get("extensionDeadline").asText()).isEqualTo(until.toString());
        assertThat(step(officer, item, "extension-decision", "\"approve\":true").getResponse().getStatus()).isEqualTo(403);
        assertThat(step(approver, item, "progress", "\"note\":\"越权\"").getResponse().getStatus()).isEqualTo(403);
        item = ok(step(approver, item, "extension-decision", "\"approve\":true"));
        assertThat(item.get("deadline").asText()).isEqualTo(until.toString());
        assertThat(item.get("extensionsGranted").asInt()).isEqualTo(1);
        assertThat(item.get("extensionDeadline").isNull()).isTrue();
        MvcResult nothingPending = step(approver, item, "extension-decision", "\"approve\":true");
        assertThat(nothingPending.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(nothingPending)).contains("NO_EXTENSION_PENDING");
    }

    @Test
    void siteMeasuresStopWorkOnAMajorHazardUntilTheReinspectionPassesAndNeverApplyToAGeneralOne() throws Exception {
        JsonNode item = issuedItem(BeijingDate.today().plusDays(30));
        item = ok(step(officer, item, "site-measures", "\"measures\":[\"SUSPEND_OPERATIONS\",\"WITHDRAW_WORKERS\"],"
                + "\"note\":\"煤磨车间燃气区域无法保证安全\""));
        assertThat(item.get("workSuspended").asBoolean()).isTrue();
        assertThat(item.get("measures")).hasSize(2);
        item = ok(step(officer, item, "reinspection-request", "\"note\":\"已整改\""));
        item = ok(step(officer, item, "reinspection", "\"passed\":false,\"note\":\"未完成\""));
        assertThat(item.get("workSuspended").asBoolean()).as("a failed re-inspection does not lift the measures").isTrue();
        item = ok(step(officer, item, "reinspection-request", "\"note\":\"再次整改完成\""));
        item = ok(step(officer, item, "reinspection", "\"passed\":true,\"note\":\"复查合格，同意恢复生产\""));
        assertThat(item.get("workSuspended").asBoolean()).isFalse();
        assertThat(item.get("workResumedOn").asText()).isEqualTo(BeijingDate.today().toString());

        JsonNode general = issuedItem(BeijingDate.today().plusDays(30));
        jdbc.update("update rectification_track set major = false where id = ?", general.get("id").asLong());
        MvcResult refused = step(officer, general, "site-measures", "\"measures\":[\"STOP_USE\"],\"note\":\"x\"");
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(refused)).contains("NOT_MAJOR");
    }

    @Test
    void anOverdueItemIsListedAndBecomesACaseInOneStepPrefilledFromTheOrder() throws Exception {
        JsonNode current = issuedItem(BeijingDate.today().plusDays(30));
        MvcResult tooEarly = step(officer, current, "escalation", "\"handlerIds\":[2]");
        assertThat(tooEarly.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(tooEarly)).contains("NOT_ESCALATABLE");

        JsonNode late = issuedItem(BeijingDate.today().minusDays(3));
        lifecycle.markOverdue(BeijingDate.today());
        JsonNode due = json(officer.perform(get("/api/rectification-items/due")));
        JsonNode listed = null;
        for (JsonNode d : due) {
            if (d.get("id").asLong() == late.get("id").asLong()) {
                listed = d;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("overdue").asBoolean()).isTrue();

        JsonNode escalated = ok(step(officer, listed, "escalation", "\"handlerIds\":[2]"));
        assertThat(escalated.get("status").asText()).isEqualTo("ESCALATED");
        long caseId = escalated.get("caseId").asLong();
        var row = jdbc.queryForMap("select matter_code, case_source, source_ref, cause from penalty_case where id = ?", caseId);
        assertThat(row.get("matter_code")).isEqualTo("AQF-102");
        assertThat(row.get("case_source")).isEqualTo("OVERDUE_RECTIFICATION");
        assertThat((String) row.get("source_ref")).endsWith("第1项");
        assertThat((String) row.get("cause")).startsWith("逾期未整改").contains("燃气未设报警");
        // a second escalation is refused
        assertThat(step(officer, escalated, "escalation", "\"handlerIds\":[2]").getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void aCaseThatCannotBeOpenedLeavesTheItemAsItWas() throws Exception {
        JsonNode late = issuedItem(BeijingDate.today().minusDays(3));
        lifecycle.markOverdue(BeijingDate.today());
        late = json(officer.perform(get("/api/rectification-items/" + late.get("id").asText())));
        MvcResult alone = step(officer, late, "escalation", "\"handlerIds\":[]");
        assertThat(alone.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(alone)).contains("TOO_FEW_OFFICERS");
        assertThat(json(officer.perform(get("/api/rectification-items/" + late.get("id").asText())))
                .get("status").asText()).isEqualTo("ORDERED");
    }

    @Test
    void anItemOutsideTheCallersJurisdictionIsNotFound() throws Exception {
        JsonNode item = issuedItem(BeijingDate.today().plusDays(30));
        DemoApi township = new DemoApi(mvc, "township");
        assertThat(township.perform(get("/api/rectification-items/" + item.get("id").asText())).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(step(township, item, "progress", "\"note\":\"越界\"").getResponse().getStatus()).isEqualTo(404);
        assertThat(township.perform(get("/api/rectification-orders/" + item.get("orderId").asText() + "/items"))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(json(township.perform(get("/api/rectification-items/due"))).findValues("id").stream()
                .map(JsonNode::asLong)).doesNotContain(item.get("id").asLong());
    }
}

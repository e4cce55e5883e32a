package cn.yjzf.hardening;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.TownshipRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 挂牌督办 → 销号 through the API: a county-level listing of a major hazard in one of its townships goes plan →
 * extension → re-inspection → 验收 → 销号 by different people at the right levels; the county and the city above it
 * see it in their queue, a sibling county gets 404; wrong level 403, missing plan part 400 naming it, stale 409,
 * 验收 or 销号 without a passed re-inspection refused, and every step audited.
 */
@DemoBureauTest
class SupervisionLifecycleTest {

    static final String MISSING = "987654321";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AgencyRepository agencies;
    @Autowired TownshipRepository townships;
    @Autowired AppUserRepository users;
    @Autowired EnterpriseService enterprises;
    @Autowired PasswordEncoder encoder;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService details;

    SupervisionFixture f;
    DemoApi eastOfficer;
    DemoApi eastOfficer2;
    DemoApi eastApprover;
    DemoApi eastHead;
    DemoApi westApprover;
    DemoApi westOfficer;
    DemoApi cityApprover;

    @BeforeAll
    void fixture() throws Exception {
        f = new SupervisionFixture("svl-", agencies, townships, users, enterprises, encoder, 7001);
        eastOfficer = new DemoApi(mvc, "svl-eastofficer");
        eastOfficer2 = new DemoApi(mvc, "svl-eastofficer2");
        eastApprover = new DemoApi(mvc, "svl-eastapprover");
        eastHead = new DemoApi(mvc, "svl-easthead");
        westApprover = new DemoApi(mvc, "svl-westapprover");
        westOfficer = new DemoApi(mvc, "svl-westofficer");
        cityApprover = new DemoApi(mvc, "approver");
    }

    /** An issued order for one major hazard of the county's enterprise; returns its item. */
    JsonNode majorItem() throws Exception {
        LocalDate today = BeijingDate.today();
        String id = eastOfficer.created("/api/inspections", "{\"enterpriseId\":" + f.enterpriseId + ",\"inspectionDate\":\""
                + today + "\",\"place\":\"煤磨车间\",\"officerIds\":[" + f.id(users, "eastofficer") + ","
                + f.id(users, "eastofficer2") + "]}").get("id").asText();
        eastOfficer.created("/api/inspections/" + id + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        String order = eastOfficer.created("/api/inspections/" + id + "/rectification-order",
                "{\"issueDate\":\"" + today + "\",\"defaultDeadline\":\"" + today.plusDays(60) + "\"}").get("id").asText();
        return json(eastOfficer.perform(get("/api/rectification-orders/" + order + "/items"))).get(0);
    }

    JsonNode listed(DemoApi who, JsonNode item, String level) throws Exception {
        return ok(who.postJson("/api/supervision/listings", "{\"trackId\":" + item.get("id").asLong() + ",\"level\":\"" + level
                + "\",\"documentNo\":\"东安委督〔2026〕3号\",\"responsiblePerson\":\"钟某\",\"deadline\":\""
                + BeijingDate.today().plusDays(60) + "\",\"funds\":150000.50,\"filedOn\":\"" + BeijingDate.today() + "\"}"));
    }

    static JsonNode json(MvcResult r) throws Exception {
        return DemoApi.JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static JsonNode ok(MvcResult r) throws Exception {
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
        return json(r);
    }

    MvcResult step(DemoApi who, JsonNode listing, String action, String fields) throws Exception {
        return who.postJson("/api/supervision/listings/" + listing.get("id").asText() + "/" + action,
                "{\"version\":" + listing.get("version").asLong() + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    MvcResult itemStep(DemoApi who, JsonNode item, String action, String fields) throws Exception {
        return who.postJson("/api/rectification-items/" + item.get("id").asText() + "/" + action,
                "{\"version\":" + item.get("version").asLong() + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    static final String PLAN = "\"plan\":{\"RESPONSIBILITY\":\"厂长负责\",\"MEASURES\":\"加装报警器\",\"TIME_LIMIT\":\"两个月\","
            + "\"FUNDS\":\"15万元\",\"CONTINGENCY\":\"燃气泄漏处置方案\"}";

    static boolean inQueue(DemoApi who, long id) throws Exception {
        for (JsonNode n : json(who.perform(get("/api/supervision/queue")))) {
            if (n.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aMajorHazardGoesFromListingThroughPlanExtensionAcceptanceToClosureByTheSupervisingLevel() throws Exception {
        JsonNode item = majorItem();
        JsonNode l = listed(eastApprover, item, "COUNTY");
        assertThat(l.get("status").asText()).isEqualTo("LISTED");
        assertThat(l.get("supervisingBody").asText()).isEqualTo("svl-江城东县应急管理局");
        assertThat(l.get("ruleSet").asText()).isEqualTo("QUZHOU_2022");
        assertThat(l.get("dues").findValues("date")).hasSize(6) // the default rule set has no day counts: 未配置
                .allMatch(JsonNode::isNull);
        long id = l.get("id").asLong();

        l = ok(step(eastOfficer, l, "plan", PLAN));
        assertThat(l.get("status").asText()).isEqualTo("RECTIFYING");
        assertThat(l.get("plan").get("CONTINGENCY").asText()).isEqualTo("燃气泄漏处置方案");

        LocalDate until = BeijingDate.today().plusDays(90);
        l = ok(step(eastOfficer, l, "extension", "\"until\":\"" + until + "\",\"note\":\"设备到货延迟\""));
        assertThat(l.get("awaiting").asText()).isEqualTo("延期申请待决定");
        assertThat(inQueue(eastApprover, id)).isTrue();
        assertThat(inQueue(cityApprover, id)).as("the city above the county sees its queue").isTrue();
        assertThat(inQueue(westApprover, id)).as("a sibling county sees nothing").isFalse();
        assertThat(westApprover.perform(get("/api/supervision/listings/" + id)).getResponse().getStatus()).isEqualTo(404);
        assertThat(body(westApprover.perform(get("/api/supervision/listings/" + id))))
                .isEqualTo(body(westApprover.perform(get("/api/supervision/listings/" + MISSING))));

        MvcResult notTheLevel = step(cityApprover, l, "extension-decision", "\"approve\":true");
        assertThat(notTheLevel.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(notTheLevel)).contains("NOT_AT_SUPERVISING_LEVEL");
        assertThat(step(eastOfficer, l, "extension-decision", "\"approve\":true").getResponse().getStatus()).isEqualTo(403);
        l = ok(step(eastApprover, l, "extension-decision", "\"approve\":true,\"note\":\"同意\""));
        assertThat(l.get("deadline").asText()).isEqualTo(until.toString());
        assertThat(l.get("extensionsGranted").asInt()).isEqualTo(1);
        item = json(eastOfficer.perform(get("/api/rectification-items/" + item.get("id").asText())));
        assertThat(item.get("deadline").asText()).as("the item's deadline follows").isEqualTo(until.toString());

        MvcResult early = step(eastOfficer2, l, "acceptance", "\"passed\":true,\"note\":\"现场验收\"");
        assertThat(early.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(early)).contains("REINSPECTION_NOT_PASSED");

        item = ok(itemStep(eastOfficer, item, "reinspection-request", "\"note\":\"报警器已安装\""));
        item = ok(itemStep(eastOfficer, item, "reinspection", "\"passed\":true,\"note\":\"复查合格\""));
        l = json(eastOfficer.perform(get("/api/supervision/listings/" + id)));
        assertThat(l.get("awaiting").asText()).isEqualTo("复查已通过，待验收");
        assertThat(step(westOfficer, l, "acceptance", "\"passed\":true,\"note\":\"x\"").getResponse().getStatus())
                .isEqualTo(404);
        l = ok(step(eastOfficer2, l, "acceptance", "\"passed\":true,\"note\":\"验收合格：报警器联动测试记录、照片6张\""));
        assertThat(l.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(inQueue(eastApprover, id)).isTrue();

        l = ok(step(eastApprover, l, "closure", "\"note\":\"同意销号\""));
        assertThat(l.get("status").asText()).isEqualTo("CLOSED");
        assertThat(l.get("closedOn").asText()).isEqualTo(BeijingDate.today().toString());
        assertThat(inQueue(eastApprover, id)).isFalse();
        assertThat(jdbc.queryForObject("select closed_on from rectification_track where id = ?", LocalDate.class,
                item.get("id").asLong())).isEqualTo(BeijingDate.today());

        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'SupervisionListing' "
                + "and entity_id = ? and action <> 'ACCESS_DENIED' order by seq", String.class, id))
                .containsExactly("SUPERVISION_LISTED", "SUPERVISION_PLAN_FILED", "SUPERVISION_EXTENSION_REQUESTED",
                        "SUPERVISION_EXTENSION_APPROVED", "SUPERVISION_ACCEPTED", "SUPERVISION_CLOSED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'SupervisionListing' "
                + "and entity_id = ? and action = 'ACCESS_DENIED'", Integer.class, id)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'RectificationTrack' "
                + "and entity_id = ? order by seq", String.class, item.get("id").asLong()))
                .contains("RECTIFICATION_SUPERVISED_EXTENSION", "RECTIFICATION_SUPERVISED_CLOSURE");
    }

    @Test
    void aPlanMissingARequiredPartIsRefusedNamingThePartAndNothingChanges() throws Exception {
        JsonNode l = listed(eastApprover, majorItem(), "COUNTY");
        MvcResult r = step(eastOfficer, l, "plan", "\"plan\":{\"RESPONSIBILITY\":\"厂长负责\",\"MEASURES\":\"加装报警器\","
                + "\"TIME_LIMIT\":\"两个月\",\"CONTINGENCY\":\"  \"}");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r)).contains("plan[FUNDS]").contains("治理方案缺少“资金”").contains("plan[CONTINGENCY]")
                .contains("PLAN_PART_MISSING");
        JsonNode now = json(eastOfficer.perform(get("/api/supervision/listings/" + l.get("id").asText())));
        assertThat(now.get("status").asText()).isEqualTo("LISTED");
        assertThat(now.get("plan").size()).isZero();
        assertThat(now.get("version").asLong()).isEqualTo(l.get("version").asLong());
    }

    @Test
    void listingIsForAnApproverAtOrAboveTheLevelAndForMajorHazardsOnlyOnce() throws Exception {
        JsonNode item = majorItem();
        String body = "{\"trackId\":" + item.get("id").asLong() + ",\"level\":\"%s\",\"documentNo\":\"督1号\","
                + "\"responsiblePerson\":\"钟某\",\"deadline\":\"" + BeijingDate.today().plusDays(30) + "\"}";
        MvcResult tooHigh = eastApprover.postJson("/api/supervision/listings", body.formatted("CITY"));
        assertThat(tooHigh.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(tooHigh)).contains("LEVEL_ABOVE_AGENCY");
        assertThat(eastOfficer.postJson("/api/supervision/listings", body.formatted("COUNTY")).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(westApprover.postJson("/api/supervision/listings", body.formatted("COUNTY")).getResponse().getStatus())
                .as("another county's hazard is not there").isEqualTo(404);
        JsonNode l = ok(cityApprover.postJson("/api/supervision/listings", body.formatted("TOWNSHIP")));
        assertThat(l.get("levelLabel").asText()).isEqualTo("乡级");
        assertThat(l.get("supervisingBody").asText()).contains("东湖镇");
        MvcResult again = cityApprover.postJson("/api/supervision/listings", body.formatted("CITY"));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again)).contains("ALREADY_LISTED");
        // the township's own enforcer sees the 乡级 listing in its queue once there is something to decide
        DemoApi town = new DemoApi(mvc, "svl-easttown");
        assertThat(town.perform(get("/api/supervision/listings/" + l.get("id").asText())).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void theAcceptorCannotApproveTheirOwnClosureAndStaleVersionsAreRefused() throws Exception {
        JsonNode item = majorItem();
        JsonNode l = listed(eastApprover, item, "COUNTY");
        JsonNode seen = l;
        l = ok(step(eastOfficer, l, "plan", PLAN));
        MvcResult stale = step(eastOfficer, seen, "plan", PLAN);
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(stale)).contains("CONCURRENT_EDIT");
        item = ok(itemStep(eastOfficer, item, "reinspection-request", "\"note\":\"已整改\""));
        ok(itemStep(eastOfficer, item, "reinspection", "\"passed\":true,\"note\":\"复查合格\""));
        l = ok(step(eastHead, l, "acceptance", "\"passed\":true,\"note\":\"验收合格\""));
        MvcResult own = step(eastHead, l, "closure", "");
        assertThat(own.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(own)).contains("OWN_ACCEPTANCE");
        assertThat(json(eastApprover.perform(get("/api/supervision/listings/" + l.get("id").asText())))
                .get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void thePagesShowTheQueueNameTheMissingPartInChineseAndAnswer403And404() throws Exception {
        JsonNode l = listed(eastApprover, majorItem(), "COUNTY");
        String page = "/supervision/listings/" + l.get("id").asText();
        MvcResult planned = mvc.perform(post(page + "/plan").with(user(details.loadUserByUsername("svl-eastofficer")))
                .with(csrf()).param("version", "0").param("plan_RESPONSIBILITY", "厂长负责")).andReturn();
        assertThat(planned.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(planned.getFlashMap().get("errors").toString()).contains("治理方案缺少“措施”");
        String html = mvc.perform(get(page).with(user(details.loadUserByUsername("svl-eastofficer")))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("已挂牌，待报治理方案", "未配置", "报送治理方案");
        assertThat(mvc.perform(get(page).with(user(details.loadUserByUsername("svl-westapprover")))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        ok(step(eastOfficer, l, "plan", PLAN));
        MvcResult wrongLevel = mvc.perform(post(page + "/acceptance").with(user(details.loadUserByUsername("approver")))
                .with(csrf()).param("version", "1").param("passed", "false").param("note", "越级")).andReturn();
        assertThat(wrongLevel.getResponse().getStatus()).isEqualTo(403);
        JsonNode unlisted = majorItem();
        String index = mvc.perform(get("/supervision").with(user(details.loadUserByUsername("svl-eastapprover"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("督办层级待办", "挂牌督办一览", "东安委督〔2026〕3号", "衢政办发〔2022〕6号")
                .contains("name=\"trackId\"").contains("value=\"" + unlisted.get("id").asText() + "\"");
    }
}

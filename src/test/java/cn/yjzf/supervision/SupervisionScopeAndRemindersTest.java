package cn.yjzf.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yjzf.enterprise.CreditCodes;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.enterprise.NewEnterprise;
import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyLevel;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A province → city → two sibling counties (东 with a township) of their own: which listings each level and side sees
 * and queues (now read in SQL), the reminders at the due-soon edges (deadline tomorrow, today, yesterday; window end
 * +7 in, +8 out) on both sides and none for the sibling county, and the daily overdue job (audited once, idempotent,
 * one instance under ShedLock). Same context as the hardening tests (same properties).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:hardening;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionScopeAndRemindersTest {

    private static final String P = "ssr-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "\"plan\":{\"RESPONSIBILITY\":\"厂长负责\",\"MEASURES\":\"加装报警器\","
            + "\"TIME_LIMIT\":\"两个月\",\"FUNDS\":\"15万元\",\"CONTINGENCY\":\"燃气泄漏处置方案\"}";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AgencyRepository agencies;
    @Autowired TownshipRepository townships;
    @Autowired AppUserRepository users;
    @Autowired EnterpriseService enterprises;
    @Autowired PasswordEncoder encoder;
    @Autowired OverdueSupervisionJob job;
    @Autowired UserDetailsService details;

    private final Map<String, String> bearers = new HashMap<>();
    private long eastEnterprise;
    private long westEnterprise;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    void bureau() throws Exception {
        long province = agencies.save(new Agency(P + "江南省应急管理厅", P + "省应急", AgencyLevel.PROVINCE, null)).getId();
        long city = agencies.save(new Agency(P + "江州市应急管理局", P + "州应急", AgencyLevel.CITY, province)).getId();
        long east = agencies.save(new Agency(P + "江州东县应急管理局", P + "东应急", AgencyLevel.COUNTY, city)).getId();
        long west = agencies.save(new Agency(P + "江州西县应急管理局", P + "西应急", AgencyLevel.COUNTY, city)).getId();
        long eastTown = townships.save(new Township(east, P + "东湖镇")).getId();
        long westTown = townships.save(new Township(west, P + "西山镇")).getId();
        String hash = encoder.encode("demo1234");
        int[] cert = {740000};
        Object[][] people = {{"provapprover", province, null, Role.APPROVER}, {"cityapprover", city, null, Role.APPROVER},
                {"eastofficer", east, null, Role.OFFICER}, {"eastofficer2", east, null, Role.OFFICER},
                {"eastapprover", east, null, Role.APPROVER}, {"easttown", east, eastTown, Role.TOWNSHIP_ENFORCER},
                {"westofficer", west, null, Role.OFFICER}, {"westofficer2", west, null, Role.OFFICER}, {"westapprover", west, null, Role.APPROVER}};
        for (Object[] p : people) {
            users.save(new AppUser(P + p[0], hash, (String) p[0], (Long) p[1], (Long) p[2], "339" + (cert[0]++),
                    LocalDate.of(2030, 12, 31), Set.of((Role) p[3])));
        }
        eastEnterprise = enterprise("eastofficer", eastTown, 7301, "东湖建材有限公司");
        westEnterprise = enterprise("westofficer", westTown, 7302, "西山建材有限公司");
    }

    private long enterprise(String officer, long township, int seed, String name) {
        String body = String.format("91330100MC%07d", seed);
        return enterprises.register(CurrentUser.of(users.findByUsername(P + officer).orElseThrow()), new NewEnterprise(
                body + CreditCodes.checkCharacter(body), P + name, Industry.BUILDING_MATERIALS, township,
                "建材路1号", "钟某", Set.of(EnterpriseFlag.DUST_EXPLOSION), null)).getId();
    }

    // ---- calling the API as one of the fixture's people -------------------------------------------------------------

    private String bearer(String who) throws Exception {
        if (!bearers.containsKey(who)) {
            String issued = mvc.perform(post("/api/token").with(httpBasic(P + who, "demo1234"))).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            bearers.put(who, "Bearer " + JSON.readTree(issued).get("accessToken").asText());
        }
        return bearers.get(who);
    }

    private MvcResult call(String who, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r)
            throws Exception {
        return mvc.perform(r.header("Authorization", bearer(who))).andReturn();
    }

    private JsonNode ok(String who, String url, String body) throws Exception {
        MvcResult r = call(who, post(url).contentType(MediaType.APPLICATION_JSON).content(body));
        String text = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(url + " " + text).isLessThan(300);
        return JSON.readTree(text);
    }

    private JsonNode read(String who, String url) throws Exception {
        return JSON.readTree(call(who, get(url)).getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<Long> ids(String who, String url) throws Exception {
        List<Long> ids = new ArrayList<>();
        read(who, url).forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    /** One major hazard's order item, inspected by two officers of the county. */
    private long majorItem(String officer, String officer2, long enterprise) throws Exception {
        String officers = users.findByUsername(P + officer).orElseThrow().getId() + ","
                + users.findByUsername(P + officer2).orElseThrow().getId();
        String id = ok(officer, "/api/inspections", "{\"enterpriseId\":" + enterprise + ",\"inspectionDate\":\"" + today
                + "\",\"place\":\"煤磨车间\",\"officerIds\":[" + officers + "]}").get("id").asText();
        ok(officer, "/api/inspections/" + id + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        String order = ok(officer, "/api/inspections/" + id + "/rectification-order", "{\"issueDate\":\"" + today
                + "\",\"defaultDeadline\":\"" + today.plusDays(60) + "\"}").get("id").asText();
        return read(officer, "/api/rectification-orders/" + order + "/items").get(0).get("id").asLong();
    }

    private JsonNode list(String approver, long item, String level, String documentNo) throws Exception {
        return ok(approver, "/api/supervision/listings", "{\"trackId\":" + item + ",\"level\":\"" + level
                + "\",\"documentNo\":\"" + documentNo + "\",\"responsiblePerson\":\"钟某\",\"deadline\":\""
                + today.plusDays(60) + "\"}");
    }

    private JsonNode eastListing(String level, String documentNo) throws Exception {
        String approver = switch (level) {
            case "CITY" -> "cityapprover";
            case "PROVINCE" -> "provapprover";
            default -> "eastapprover";
        };
        return list(approver, majorItem("eastofficer", "eastofficer2", eastEnterprise), level, documentNo);
    }

    private void deadline(long listing, LocalDate d) {
        jdbc.update("update supervision_listing set deadline = ?, version = version + 1 where id = ?", d, listing);
    }

    private List<String> reminders(String who, long listing) throws Exception {
        List<String> out = new ArrayList<>();
        read(who, "/api/supervision/reminders").forEach(n -> {
            if (n.get("listingId").asLong() == listing) {
                out.add(n.get("side").asText() + ":" + n.get("kind").asText());
            }
        });
        return out;
    }

    // ---- scope ------------------------------------------------------------------------------------------------------

    @Test
    void eachLevelAndSideSeesExactlyItsListingsAndASiblingCountyNothing() throws Exception {
        long county = eastListing("COUNTY", "东督1号").get("id").asLong();
        long city = eastListing("CITY", "州督1号").get("id").asLong();
        long township = eastListing("TOWNSHIP", "东湖督1号").get("id").asLong();
        long west = list("westapprover", majorItem("westofficer", "westofficer2", westEnterprise), "COUNTY", "西督1号")
                .get("id").asLong();
        List<Long> all = List.of(county, city, township, west);

        assertThat(ids("provapprover", "/api/supervision/listings")).containsAll(all);
        assertThat(ids("cityapprover", "/api/supervision/listings")).containsAll(all);
        assertThat(ids("eastapprover", "/api/supervision/listings")).contains(county, city, township)
                .as("the sibling county's listing").doesNotContain(west);
        assertThat(ids("easttown", "/api/supervision/listings")).as("the township's hazards, all levels")
                .contains(county, city, township).doesNotContain(west);
        assertThat(ids("westapprover", "/api/supervision/listings")).contains(west)
                .doesNotContainAnyElementsOf(List.of(county, city, township));
        assertThat(ids("westofficer", "/api/supervision/listings")).contains(west).doesNotContain(county);
        assertThat(ids("cityapprover", "/api/supervision/listings")).as("newest first")
                .containsSubsequence(west, township, city, county);
        assertThat(call("westapprover", get("/api/supervision/listings/" + county)).getResponse().getStatus())
                .isEqualTo(404);

        // paginated like the other lists: the total in X-Total-Count, page 2 of a short list empty
        MvcResult first = call("westapprover", get("/api/supervision/listings"));
        assertThat(first.getResponse().getHeader("X-Total-Count")).isEqualTo("1");
        assertThat(ids("westapprover", "/api/supervision/listings?page=2")).isEmpty();

        // the queue: an extension awaiting the county is queued for it and everyone above it, not for the sibling
        JsonNode l = ok("eastofficer", "/api/supervision/listings/" + county + "/plan", "{\"version\":0," + PLAN + "}");
        ok("eastofficer", "/api/supervision/listings/" + county + "/extension", "{\"version\":" + l.get("version")
                + ",\"until\":\"" + today.plusDays(90) + "\",\"note\":\"设备到货延迟\"}");
        for (String above : List.of("eastapprover", "cityapprover", "provapprover")) {
            assertThat(ids(above, "/api/supervision/queue")).as(above).contains(county).doesNotContain(city, west);
        }
        assertThat(ids("westapprover", "/api/supervision/queue")).doesNotContain(county);
        assertThat(call("eastapprover", get("/api/supervision/queue")).getResponse().getHeader("X-Total-Count"))
                .isEqualTo(String.valueOf(ids("eastapprover", "/api/supervision/queue").size()));
    }

    // ---- reminders and the daily job ---------------------------------------------------------------------------------

    @Test
    void remindersAtTheDueSoonEdgesOnBothSidesAndTheOverdueJobMarksOnceOnOneInstance() throws Exception {
        long tomorrow = eastListing("COUNTY", "东督2号").get("id").asLong();
        long onTheDay = eastListing("COUNTY", "东督3号").get("id").asLong();
        long yesterday = eastListing("COUNTY", "东督4号").get("id").asLong();
        long windowEnd = eastListing("COUNTY", "东督5号").get("id").asLong();
        long beyond = eastListing("COUNTY", "东督6号").get("id").asLong();
        deadline(tomorrow, today.plusDays(1));
        deadline(onTheDay, today);
        deadline(yesterday, today.minusDays(1));
        deadline(windowEnd, today.plusDays(7));
        deadline(beyond, today.plusDays(8));

        // the hazard's officer: plan to file on each, due soon up to the window's last day, overdue after the day
        assertThat(reminders("eastofficer", tomorrow)).containsExactly("HAZARD:ACTION", "HAZARD:DUE_SOON");
        assertThat(reminders("eastofficer", onTheDay)).containsExactly("HAZARD:ACTION", "HAZARD:DUE_SOON");
        assertThat(reminders("eastofficer", yesterday)).containsExactly("HAZARD:ACTION", "HAZARD:OVERDUE");
        assertThat(reminders("eastofficer", windowEnd)).containsExactly("HAZARD:ACTION", "HAZARD:DUE_SOON");
        assertThat(reminders("eastofficer", beyond)).containsExactly("HAZARD:ACTION");
        // the supervising level's 负责人: only what is overdue (filing the plan is not theirs); the city above too
        assertThat(reminders("eastapprover", yesterday)).containsExactly("SUPERVISING:OVERDUE");
        assertThat(reminders("eastapprover", onTheDay)).isEmpty();
        assertThat(reminders("cityapprover", yesterday)).containsExactly("SUPERVISING:OVERDUE");
        // the sibling county sees nothing of them, and the listing itself is the same 404 as a missing one
        for (String sibling : List.of("westofficer", "westapprover")) {
            for (long id : List.of(tomorrow, onTheDay, yesterday, windowEnd)) {
                assertThat(reminders(sibling, id)).as(sibling).isEmpty();
            }
        }

        // 我的待办 shows them beside the rectification reminders
        assertThat(tasksPage("eastofficer"))
                .contains("挂牌督办提醒", "东督4号", "督办期限已过", "东督2号", "督办期限即将到期", "整改复查提醒");
        assertThat(tasksPage("westofficer")).contains("挂牌督办提醒").doesNotContain("东督4号");

        // the daily job marks the day-after one only, audits it once, and a second instance finds the lock held
        jdbc.update("delete from shedlock where name = 'supervision-overdue'");
        job.run();
        assertThat(overdue(yesterday)).isTrue();
        assertThat(overdue(onTheDay)).isFalse();
        assertThat(overdue(tomorrow)).isFalse();
        assertThat(overdueAudits(yesterday)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'supervision-overdue'", Integer.class))
                .isEqualTo(1);
        deadline(onTheDay, today.minusDays(1));
        job.run(); // lock held (lockAtLeastFor): nothing happens
        assertThat(overdue(onTheDay)).isFalse();
        jdbc.update("update shedlock set lock_until = locked_at where name = 'supervision-overdue'");
        job.run();
        assertThat(overdue(onTheDay)).isTrue();
        assertThat(overdueAudits(yesterday)).as("idempotent: marked once").isEqualTo(1);
        assertThat(overdueAudits(onTheDay)).isEqualTo(1);

        // an approved extension lifts the mark
        JsonNode l = ok("eastofficer", "/api/supervision/listings/" + yesterday + "/plan",
                "{\"version\":" + read("eastofficer", "/api/supervision/listings/" + yesterday).get("version") + "," + PLAN + "}");
        l = ok("eastofficer", "/api/supervision/listings/" + yesterday + "/extension", "{\"version\":" + l.get("version")
                + ",\"until\":\"" + today.plusDays(30) + "\",\"note\":\"设备到货延迟\"}");
        assertThat(reminders("eastapprover", yesterday)).containsExactly("SUPERVISING:ACTION", "SUPERVISING:OVERDUE");
        ok("eastapprover", "/api/supervision/listings/" + yesterday + "/extension-decision", "{\"version\":"
                + l.get("version") + ",\"approve\":true}");
        assertThat(overdue(yesterday)).isFalse();
        assertThat(reminders("eastofficer", yesterday)).isEmpty();
        assertThat(reminders("eastapprover", yesterday)).isEmpty();
    }

    private String tasksPage(String who) throws Exception {
        MvcResult r = mvc.perform(get("/tasks").with(user(details.loadUserByUsername(P + who)))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private boolean overdue(long listing) {
        return jdbc.queryForObject("select overdue from supervision_listing where id = ?", Boolean.class, listing);
    }

    private int overdueAudits(long listing) {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'SUPERVISION_OVERDUE' "
                + "and entity_type = 'SupervisionListing' and entity_id = ?", Integer.class, listing);
    }
}

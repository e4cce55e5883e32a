package cn.yjzf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.statistics.StatisticsDataset;
import cn.yjzf.statistics.StatisticsTestBase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** 执法公示: what is due, publishing redacted snapshots, withdrawal, and the public page that shows nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationTest extends StatisticsTestBase {

    static final List<String> PERSONAL = List.of("王小明", "110101199003078515", "13912345678", "幸福路8号",
            "6222021234567890123", "刘大伟", "0571-88886666", "6222 0212 3456 7890");

    @Autowired PublicationService publications;

    CurrentUser approver;
    CurrentUser officer;
    CurrentUser otherApprover;
    long person;
    long company;
    long small;
    long suspension;
    long undecided;
    long elsewhere;

    @BeforeAll
    void seed() {
        StatisticsDataset d = new StatisticsDataset(jdbc);
        long province = d.agency("公示省应急管理厅", null);
        long city = d.agency("公示市应急管理局", province);
        long other = d.agency("他市应急管理局", null);
        approver = member(city, null, Role.APPROVER);
        officer = member(city, null, Role.OFFICER);
        otherApprover = member(other, null, Role.APPROVER);
        long u = officer.id();
        // thresholds on the province apply to the city below it (casework-facts §3, 河北 values as an example)
        String source = "河北省行政处罚决定公开标准（casework-facts §3，🟡 二手资料）";
        jdbc.update("INSERT INTO publication_threshold (agency_id, party_type, amount, inclusive, all_severe_measures,"
                + " valid_from, source) VALUES (?, 'ORGANISATION', 100000, TRUE, TRUE, DATE '2020-01-01', ?)", province, source);
        jdbc.update("INSERT INTO publication_threshold (agency_id, party_type, amount, inclusive, all_severe_measures,"
                + " valid_from, source) VALUES (?, 'INDIVIDUAL', 10000, TRUE, TRUE, DATE '2020-01-01', ?)", province, source);
        long e = d.enterprise(city, null, "CHEMICAL", "刘大伟");
        person = d.penaltyCase(city, null, null, "王小明", "INDIVIDUAL", "PENALTY", LocalDate.of(2025, 3, 3),
                new BigDecimal("20000.00"), "王小明（身份证号110101199003078515，住址：江城市幸福路8号，电话13912345678）在储罐区违章动火",
                "罚款人民币贰万元，缴入账户6222021234567890123", u);
        company = d.penaltyCase(city, null, e, "公示化工有限公司", "ORGANISATION", "PENALTY", LocalDate.of(2025, 3, 4),
                new BigDecimal("150000.00"), "法定代表人刘大伟未组织消除重大事故隐患，联系电话0571-88886666",
                "罚款十五万元，账号6222 0212 3456 7890 123", u);
        small = d.penaltyCase(city, null, e, "公示小额有限公司", "ORGANISATION", "PENALTY", LocalDate.of(2025, 3, 5),
                new BigDecimal("5000.00"), "小额罚款不达公示标准", "罚款五千元", u);
        suspension = d.penaltyCase(city, null, e, "公示停产有限公司", "ORGANISATION", "PENALTY", LocalDate.of(2025, 3, 6),
                null, "停产整顿事由", "责令停产停业整顿一个月", u);
        undecided = d.penaltyCase(city, null, e, "公示在办有限公司", "ORGANISATION", null, null, null, "在办案件", null, u);
        elsewhere = d.penaltyCase(other, null, null, "他市企业", "ORGANISATION", "PENALTY", LocalDate.of(2025, 3, 3),
                new BigDecimal("300000.00"), "他市案件", "罚款", u);
    }

    @Test
    @Order(1)
    void decisionsReachingTheThresholdAreDueSevenWorkingDaysAfterTheDecision() {
        List<Candidate> due = publications.candidates(approver);
        assertThat(due).extracting(Candidate::caseId).containsExactly(person, company, suspension);
        Candidate p = due.get(0);
        // 2025-03-03 is a Monday; seven working days later, no holiday in between: Wednesday 2025-03-12
        assertThat(p.dueOn()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(p.dueExact()).isTrue();
        assertThat(p.basis()).contains("10000").contains("河北");
        assertThat(due.get(2).basis()).startsWith("处罚种类应公示");
        assertThat(publications.candidates(otherApprover)).extracting(Candidate::caseId).containsExactly(elsewhere)
                .allSatisfy(id -> assertThat(publications.candidates(otherApprover).get(0).basis()).contains("未配置"));
    }

    @Test
    @Order(2)
    void theApproverPublishesRedactedSnapshotsAndTheAuditTrailRecordsIt() throws Exception {
        for (long id : new long[] {person, company, suspension}) {
            MvcResult r = mvc.perform(post("/publication/publish").param("caseId", String.valueOf(id))
                    .with(user(approver)).with(csrf())).andReturn();
            assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/publication");
            assertThat(r.getFlashMap().get("notice")).isEqualTo("已公示案件 " + id);
        }
        PublicationEntry p = publications.published(approver).stream().filter(x -> x.getCaseId() == person).findFirst().orElseThrow();
        assertThat(p.getParty()).isEqualTo("王某某");
        assertThat(p.getCause()).isEqualTo("王某某（身份证号[身份证件号码已隐去]，住址：[已隐去]，电话[电话号码已隐去]）在储罐区违章动火");
        assertThat(p.getPenalty()).isEqualTo("罚款人民币贰万元，缴入账户[账号已隐去]");
        PublicationEntry c = publications.published(approver).stream().filter(x -> x.getCaseId() == company).findFirst().orElseThrow();
        assertThat(c.getParty()).isEqualTo("公示化工有限公司");
        assertThat(c.getCause()).isEqualTo("法定代表人刘某某未组织消除重大事故隐患，联系电话[电话号码已隐去]");
        assertThat(c.getPenalty()).isEqualTo("罚款十五万元，账号[账号已隐去]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'PUBLISH_DECISION' AND actor = ?",
                Integer.class, approver.username())).isEqualTo(3);
        assertThat(publications.candidates(approver)).isEmpty();
    }

    @Test
    @Order(3)
    void otherAgenciesCasesAndRolesAreRefused() throws Exception {
        MvcResult r = mvc.perform(post("/api/publications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseId\":" + elsewhere + "}").with(httpBasic(approver.username(), "x"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        MvcResult undecidedCase = mvc.perform(post("/api/publications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseId\":" + undecided + "}").with(httpBasic(approver.username(), "x"))).andReturn();
        assertThat(undecidedCase.getResponse().getStatus()).isEqualTo(404);
        MvcResult again = mvc.perform(post("/api/publications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseId\":" + person + "}").with(httpBasic(approver.username(), "x"))).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        MvcResult byOfficer = mvc.perform(post("/api/publications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseId\":" + small + "}").with(httpBasic(officer.username(), "x"))).andReturn();
        assertThat(byOfficer.getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication_entry WHERE case_id IN (?, ?, ?)", Integer.class,
                elsewhere, undecided, small)).isZero();
    }

    @Test
    @Order(4)
    void withdrawalNeedsAReasonAndTheCurrentVersion() throws Exception {
        PublicationEntry s = publications.published(approver).stream().filter(x -> x.getCaseId() == suspension)
                .findFirst().orElseThrow();
        String url = "/api/publications/" + s.getId() + "/withdrawal";
        MvcResult noReason = mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \",\"version\":0}")
                .with(httpBasic(approver.username(), "x"))).andReturn();
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(noReason.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("reason");
        MvcResult stale = mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"决定被撤销\",\"version\":7}")
                .with(httpBasic(approver.username(), "x"))).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        MvcResult foreign = mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"越权\",\"version\":0}")
                .with(httpBasic(otherApprover.username(), "x"))).andReturn();
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        MvcResult ok = mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"复议决定撤销原处罚决定\",\"version\":" + s.getVersion() + "}")
                .with(httpBasic(approver.username(), "x"))).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(ok.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("WITHDRAWN").contains("复议决定撤销原处罚决定");
        assertThat(jdbc.queryForMap("SELECT actor, detail FROM audit_event WHERE action = 'WITHDRAW_PUBLICATION'"))
                .isEqualTo(Map.of("actor", approver.username(), "detail", "撤回理由：复议决定撤销原处罚决定"));
    }

    @Test
    @Order(5)
    void thePublicPageNeedsNoLoginShowsNoPersonalDataAndNothingUnpublishedOrWithdrawn() throws Exception {
        MvcResult r = mvc.perform(get("/public/penalties")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("行政处罚决定公示").contains("王某某").contains("公示化工有限公司").contains("刘某某")
                .contains("150000.00");
        for (String personal : PERSONAL) {
            assertThat(html).as("personal data %s", personal).doesNotContain(personal);
        }
        assertThat(html).doesNotContain("停产整顿事由")    // withdrawn
                .doesNotContain("小额罚款不达公示标准")           // never published
                .doesNotContain("在办案件").doesNotContain("他市案件")
                .doesNotContain("href=\"/enterprises\"").doesNotContain("/cases/");
        assertThat(r.getRequest().getSession(false)).isNull();
        assertThat(r.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(r.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    @Order(6)
    void onlyThatPageIsOpen() throws Exception {
        assertThat(mvc.perform(post("/public/penalties")).andReturn().getResponse().getStatus()).isIn(401, 403);
        MvcResult other = mvc.perform(get("/public/penalties/1")).andReturn();
        assertThat(other.getResponse().getStatus()).isIn(302, 401, 403);
        MvcResult admin = mvc.perform(get("/publication")).andReturn();
        assertThat(admin.getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/public/penalties?page=999999")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/public/penalties?page=abc")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void namesFollowTheConfiguredRule() {
        assertThat(new Redaction(Redaction.NameRule.MOU_MOU).name("张三丰")).isEqualTo("张某某");
        assertThat(new Redaction(Redaction.NameRule.MOU).name("张三丰")).isEqualTo("张某");
        assertThat(new Redaction(Redaction.NameRule.MOU_MOU).name("欧阳修")).isEqualTo("欧阳某某");
        Redaction r = new Redaction(Redaction.NameRule.MOU_MOU);
        assertThat(r.text("于2025-03-10检查，罚款50000元，身份证号11010119900307851X", List.of()))
                .isEqualTo("于2025-03-10检查，罚款50000元，身份证号[身份证件号码已隐去]");
    }
}

package cn.yjzf.hardening;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.TownshipRepository;
import cn.yjzf.rectification.RectificationLifecycle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 第一百一十三条 关闭 proposal from recorded penalty decisions: an enterprise with a 重大事故隐患 penalised three
 * times, the third on day 181, has no flag; on day 180 it has, shown on the enterprise, rectification and case pages
 * and written into the cause of a case opened in one step from its overdue item.
 */
@DemoBureauTest
class ClosureProposalTest {

    static final LocalDate FIRST = LocalDate.of(2025, 7, 1);

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AgencyRepository agencies;
    @Autowired TownshipRepository townships;
    @Autowired AppUserRepository users;
    @Autowired EnterpriseService enterprises;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService details;
    @Autowired RectificationLifecycle lifecycle;

    SupervisionFixture f;
    DemoApi officer;
    long order;
    long third;

    @BeforeAll
    void fixture() throws Exception {
        f = new SupervisionFixture("svc-", agencies, townships, users, enterprises, encoder, 7002);
        officer = new DemoApi(mvc, "svc-eastofficer");
        String inspection = officer.created("/api/inspections", "{\"enterpriseId\":" + f.enterpriseId
                + ",\"inspectionDate\":\"2025-06-10\",\"place\":\"煤磨车间\",\"officerIds\":[" + f.id(users, "eastofficer")
                + "," + f.id(users, "eastofficer2") + "]}").get("id").asText();
        officer.created("/api/inspections/" + inspection + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        order = officer.created("/api/inspections/" + inspection + "/rectification-order",
                "{\"issueDate\":\"2025-06-10\",\"defaultDeadline\":\"2025-06-30\"}").get("id").asLong();
        decided(FIRST, "AQF-102");
        decided(FIRST.plusDays(90), "AQF-102");
        third = decided(FIRST.plusDays(181), "AQF-102");
        decided(FIRST.minusDays(30), "AQF-102"); // before the major hazard was found: does not count
    }

    private long decided(LocalDate on, String matter) {
        jdbc.update("""
                INSERT INTO penalty_case (agency_id, enterprise_id, party_name, party_type, matter_code, case_source, cause,
                  procedure_kind, stage, acting_mode, issuing_name, created_by, created_at, outcome, decided_on)
                VALUES (?, ?, '东湖建材有限公司', 'ORGANISATION', ?, 'HAZARD', '第一百一十三条测试', 'GENERAL', 'CLOSED', 'OWN',
                  '东县应急管理局', ?, CURRENT_TIMESTAMP, 'PENALTY', ?)""", f.eastId, f.enterpriseId, matter,
                f.id(users, "eastofficer"), on);
        return jdbc.queryForObject("SELECT MAX(id) FROM penalty_case", Long.class);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(details.loadUserByUsername("svc-eastofficer")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theThirdDecisionOnDay181RaisesNoFlagOnDay180ItDoesOnEveryPageAndInTheEscalation() throws Exception {
        assertThat(page("/enterprises/" + f.enterpriseId)).doesNotContain("关闭建议");
        assertThat(page("/rectification-orders/" + order)).doesNotContain("关闭建议");

        jdbc.update("UPDATE penalty_case SET decided_on = ? WHERE id = ?", FIRST.plusDays(180), third);
        assertThat(page("/enterprises/" + f.enterpriseId)).contains("关闭建议").contains("一百八十日内三次")
                .contains("安全生产法第一百一十三条第（一）项").contains(FIRST.plusDays(180).toString());
        assertThat(page("/rectification-orders/" + order)).contains("关闭建议");
        assertThat(page("/cases/" + third)).contains("关闭建议");

        lifecycle.markOverdue(BeijingDate.today());
        JsonNode item = DemoApi.JSON.readTree(officer.perform(get("/api/rectification-orders/" + order + "/items"))
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).get(0);
        JsonNode escalated = officer.created("/api/rectification-items/" + item.get("id").asText() + "/escalation",
                "{\"version\":" + item.get("version").asLong() + ",\"handlerIds\":[" + f.id(users, "eastofficer2") + "]}");
        String cause = jdbc.queryForObject("SELECT cause FROM penalty_case WHERE id = ?", String.class,
                escalated.get("caseId").asLong());
        assertThat(cause).startsWith("逾期未整改").contains("第一百一十三条第（一）项").contains("应提请关闭");
        assertThat(cause.length()).isLessThanOrEqualTo(300);
    }

    @Test
    void decisionsUnderAnotherLawOrWithoutPenaltyDoNotCount() throws Exception {
        SupervisionFixture other = new SupervisionFixture("svd-", agencies, townships, users, enterprises, encoder, 7003);
        DemoApi o = new DemoApi(mvc, "svd-eastofficer");
        String inspection = o.created("/api/inspections", "{\"enterpriseId\":" + other.enterpriseId
                + ",\"inspectionDate\":\"2025-06-10\",\"place\":\"车间\",\"officerIds\":[" + other.id(users, "eastofficer")
                + "," + other.id(users, "eastofficer2") + "]}").get("id").asText();
        o.created("/api/inspections/" + inspection + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        for (int i = 0; i < 3; i++) {
            jdbc.update("""
                    INSERT INTO penalty_case (agency_id, enterprise_id, party_name, party_type, matter_code, case_source,
                      cause, procedure_kind, stage, acting_mode, issuing_name, created_by, created_at, outcome, decided_on)
                    VALUES (?, ?, '东湖建材有限公司', 'ORGANISATION', ?, 'HAZARD', '测试', 'GENERAL', 'CLOSED', 'OWN',
                      '东县应急管理局', ?, CURRENT_TIMESTAMP, ?, ?)""", other.eastId, other.enterpriseId,
                    i == 0 ? "OTHER-LAW-1" : "AQF-102", other.id(users, "eastofficer"), i == 1 ? "NO_PENALTY" : "PENALTY",
                    FIRST.plusDays(i * 10L));
        }
        String html = mvc.perform(get("/enterprises/" + other.enterpriseId)
                .with(user(details.loadUserByUsername("svd-eastofficer")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("东湖建材有限公司").doesNotContain("关闭建议");
    }
}

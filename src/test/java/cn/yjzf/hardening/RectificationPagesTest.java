package cn.yjzf.hardening;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yjzf.common.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** 整改跟踪 in the browser's terms: the order page's forms, 我的待办's reminders, one-step 立案 and refusals in Chinese. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:rectpages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class RectificationPagesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired cn.yjzf.rectification.RectificationLifecycle lifecycle;

    RequestPostProcessor as(String name) {
        return user(users.loadUserByUsername(name));
    }

    /** Issues an order for one major hazard; returns the order id. */
    long order(LocalDate deadline) throws Exception {
        DemoApi officer = new DemoApi(mvc, "officer");
        LocalDate on = deadline.isBefore(BeijingDate.today()) ? deadline.minusDays(20) : BeijingDate.today();
        String i = officer.created("/api/inspections", "{\"enterpriseId\":1,\"inspectionDate\":\"" + on
                + "\",\"place\":\"煤磨车间\",\"officerIds\":[1,2]}").get("id").asText();
        officer.created("/api/inspections/" + i + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        return officer.created("/api/inspections/" + i + "/rectification-order",
                "{\"issueDate\":\"" + on + "\",\"defaultDeadline\":\"" + deadline + "\"}").get("id").asLong();
    }

    long track(long order) {
        return jdbc.queryForObject("select id from rectification_track where order_id = ?", Long.class, order);
    }

    String page(String url, String who) throws Exception {
        MvcResult r = mvc.perform(get(url).with(as(who))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theOrderPageTakesAnItemFromReportToClosure() throws Exception {
        long order = order(BeijingDate.today().plusDays(20));
        long t = track(order);
        assertThat(page("/rectification-orders/" + order, "officer")).contains("整改跟踪").contains("已下达")
                .contains("燃气未设报警").contains("申请复查");
        MvcResult r = mvc.perform(post("/rectification-items/" + t + "/reinspection-request").with(as("officer")).with(csrf())
                .param("version", "0").param("note", "报警器已安装")).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/rectification-orders/" + order + "#item-1");
        assertThat((String) r.getFlashMap().get("notice")).contains("待复查");
        mvc.perform(post("/rectification-items/" + t + "/reinspection").with(as("officer")).with(csrf())
                .param("version", "1").param("passed", "true").param("note", "复查合格")).andReturn();
        assertThat(page("/rectification-orders/" + order, "officer")).contains("复查通过（已销号）");
    }

    @Test
    void aStaleFormOrAWrongStepIsRefusedInChineseAndNothingChanges() throws Exception {
        long order = order(BeijingDate.today().plusDays(20));
        long t = track(order);
        mvc.perform(post("/rectification-items/" + t + "/progress").with(as("officer")).with(csrf())
                .param("version", "0").param("note", "第一次")).andReturn();
        MvcResult stale = mvc.perform(post("/rectification-items/" + t + "/progress").with(as("officer2")).with(csrf())
                .param("version", "0").param("note", "旧页面提交")).andReturn();
        @SuppressWarnings("unchecked")
        List<FieldProblem> errors = (List<FieldProblem>) stale.getFlashMap().get("errors");
        assertThat(errors).extracting(FieldProblem::code).containsExactly("CONCURRENT_EDIT");
        MvcResult early = mvc.perform(post("/rectification-items/" + t + "/reinspection").with(as("officer")).with(csrf())
                .param("version", "1").param("passed", "true").param("note", "x")).andReturn();
        @SuppressWarnings("unchecked")
        List<FieldProblem> wrong = (List<FieldProblem>) early.getFlashMap().get("errors");
        assertThat(wrong.get(0).message()).contains("整改中");
        MvcResult badDate = mvc.perform(post("/rectification-items/" + t + "/extension").with(as("officer")).with(csrf())
                .param("version", "1").param("until", "明天").param("note", "x")).andReturn();
        assertThat(badDate.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select last_note from rectification_track where id = ?", String.class, t))
                .isEqualTo("第一次");
    }

    @Test
    void anOverdueItemAppearsInMyTasksAndBecomesACaseFromItsPage() throws Exception {
        long order = order(BeijingDate.today().minusDays(2));
        long t = track(order);
        long soon = track(order(BeijingDate.today().plusDays(3)));
        long later = track(order(BeijingDate.today().plusDays(30)));
        lifecycle.markOverdue(BeijingDate.today());
        String tasks = page("/tasks", "officer");
        assertThat(tasks).contains("整改复查提醒").contains("id=\"due-" + t + "\"").contains("已逾期")
                .contains("id=\"due-" + soon + "\"").contains("即将到期").doesNotContain("id=\"due-" + later + "\"");
        assertThat(page("/rectification-orders/" + order, "officer")).contains("立案（安全生产法第一百零二条");
        MvcResult r = mvc.perform(post("/rectification-items/" + t + "/escalation").with(as("officer")).with(csrf())
                .param("version", "1").param("handlerIds", "2")).andReturn();
        assertThat((String) r.getFlashMap().get("notice")).contains("已立案");
        assertThat(page("/rectification-orders/" + order, "officer")).contains("已立案查处");
        assertThat(page("/tasks", "officer")).doesNotContain("id=\"due-" + t + "\"");
    }

    @Test
    void anotherJurisdictionGetsTheSame404AsAMissingOrder() throws Exception {
        long order = order(BeijingDate.today().plusDays(20));
        long t = track(order);
        assertThat(mvc.perform(get("/rectification-orders/" + order).with(as("township"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/rectification-orders/999999").with(as("township"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/rectification-items/" + t + "/progress").with(as("township")).with(csrf())
                .param("version", "0").param("note", "越界")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select status from rectification_track where id = ?", String.class, t))
                .isEqualTo("ORDERED");
    }
}

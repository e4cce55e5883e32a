package cn.yjzf.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The security administrator sets the password and lockout policy; it applies at once, within 等保 bounds, audited. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:policy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class SecurityPolicyTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theSecurityAdministratorTightensTheLockoutAndItAppliesAtOnce() throws Exception {
        mvc.perform(get("/api/admin/security-policy").with(httpBasic("secadmin", "demo1234")))
                .andExpect(jsonPath("$.maxFailures").value(5)).andExpect(jsonPath("$.minCharacterClasses").value(2));
        AccountFixture accounts = new AccountFixture(mvc);
        accounts.asJson("sysadmin", put("/api/admin/security-policy"), """
                {"minLength":10,"minCharacterClasses":3,"history":5,"maxAgeDays":90,"maxFailures":3,"lockMinutes":30,"version":0}""")
                .andExpect(status().isForbidden());
        accounts.asJson("secadmin", put("/api/admin/security-policy"), """
                {"minLength":6,"minCharacterClasses":1,"history":5,"maxAgeDays":90,"maxFailures":50,"lockMinutes":30,"version":0}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("minLength", "minCharacterClasses", "maxFailures")));

        // on the page, as a security administrator would
        MockHttpSession sec = (MockHttpSession) mvc.perform(formLogin("/login").user("secadmin").password("demo1234"))
                .andReturn().getRequest().getSession();
        mvc.perform(post("/admin/security/policy").session(sec).with(csrf()).param("minLength", "10")
                        .param("minCharacterClasses", "3").param("history", "5").param("maxAgeDays", "90")
                        .param("maxFailures", "3").param("lockMinutes", "30").param("version", "0"))
                .andExpect(redirectedUrl("/admin/security"));
        mvc.perform(get("/admin/security").session(sec)).andExpect(content().string(Matchers.containsString("已保存口令与锁定策略")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'SECURITY_POLICY_CHANGED' AND actor = 'secadmin'",
                Integer.class)).isEqualTo(1);
        // a stale edit is refused
        accounts.asJson("secadmin", put("/api/admin/security-policy"), """
                {"minLength":8,"minCharacterClasses":2,"history":5,"maxAgeDays":90,"maxFailures":5,"lockMinutes":30,"version":0}""")
                .andExpect(status().isConflict());

        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/enterprises").with(httpBasic("approver", "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/enterprises").with(httpBasic("approver", "demo1234"))).andExpect(status().isUnauthorized());

        // the new complexity applies to the next password set
        AccountFixture.Account a = accounts.newUser("\"OFFICER\"");
        MockHttpSession s = (MockHttpSession) mvc.perform(formLogin("/login").user(a.username()).password(a.password()))
                .andExpect(redirectedUrl("/login/password")).andReturn().getRequest().getSession();
        mvc.perform(post("/login/password").session(s).with(csrf()).param("currentPassword", a.password())
                        .param("newPassword", "abcd12345").param("confirmPassword", "abcd12345"))
                .andExpect(content().string(Matchers.containsString("口令至少10位")));
        mvc.perform(post("/login/password").session(s).with(csrf()).param("currentPassword", a.password())
                        .param("newPassword", "abcdef12345").param("confirmPassword", "abcdef12345"))
                .andExpect(content().string(Matchers.containsString("至少3类")));
    }
}

package cn.yjzf.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.account.AccountFixture.Account;
import cn.yjzf.organisation.PasswordPolicy;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Password policy, forced change after an administrator sets a password, history and expiry. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:accounts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class PasswordPolicyTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    AccountFixture accounts;

    @BeforeEach
    void fixture() {
        accounts = new AccountFixture(mvc);
    }

    @Test
    void thePolicyNamesEachRuleABadPasswordBreaks() {
        PasswordPolicy strict = new PasswordPolicy(8, 3, 5, Duration.ofDays(90));
        assertThat(strict.problems("p", "zhang", "Ab1")).extracting(p -> p.code()).containsExactly("PASSWORD_TOO_SHORT");
        assertThat(strict.problems("p", "zhang", "abcd1234")).extracting(p -> p.code()).containsExactly("PASSWORD_TOO_SIMPLE");
        assertThat(strict.problems("p", "zhang", "Zhang-2025x")).extracting(p -> p.code()).containsExactly("PASSWORD_CONTAINS_USERNAME");
        assertThat(strict.problems("p", "zhang", "Li-Si-2025")).isEmpty();
        // the embedded demo's two classes: the documented demo password complies
        assertThat(new PasswordPolicy(8, 2, 5, Duration.ofDays(90)).problems("p", "officer", "demo1234")).isEmpty();
        assertThat(strict.expired(java.time.Instant.now().minus(Duration.ofDays(91)), java.time.Instant.now())).isTrue();
        assertThat(new PasswordPolicy(8, 3, 5, Duration.ZERO).expired(java.time.Instant.EPOCH, java.time.Instant.now())).isFalse();
    }

    private MockHttpSession login(String user, String password, String expectedRedirect) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl(expectedRedirect)).andReturn().getRequest().getSession();
    }

    private ResultActions change(MockHttpSession session, String current, String next, String confirm) throws Exception {
        return mvc.perform(post("/login/password").session(session).with(csrf()).param("currentPassword", current)
                .param("newPassword", next).param("confirmPassword", confirm));
    }

    @Test
    void aNewAccountMustChangeItsTemporaryPasswordAtFirstLoginUnderThePolicy() throws Exception {
        Account a = accounts.newUser("\"OFFICER\"");
        // the temporary password works nowhere until changed: not on the API either
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), a.password()))).andExpect(status().isUnauthorized());
        MockHttpSession session = login(a.username(), a.password(), "/login/password");
        mvc.perform(get("/login/password").session(session)).andExpect(content().string(containsString(a.username())));

        change(session, a.password(), "short", "short").andExpect(content().string(containsString("口令至少8位")));
        change(session, a.password(), a.username() + "X9", a.username() + "X9").andExpect(content().string(containsString("口令不得包含用户名")));
        change(session, a.password(), "Good-Pass-2025", "Other-Pass-2025").andExpect(content().string(containsString("两次输入的新口令不一致")));
        change(session, a.password(), a.password(), a.password()).andExpect(content().string(containsString("不得与最近5次")));
        change(session, "not-the-current", "Good-Pass-2025", "Good-Pass-2025").andExpect(content().string(containsString("原口令不正确")));
        // nothing was saved by the rejected attempts
        login(a.username(), a.password(), "/login/password");

        session = login(a.username(), a.password(), "/login/password");
        change(session, a.password(), "Good-Pass-2025", "Good-Pass-2025").andExpect(redirectedUrl("/login?changed"));
        login(a.username(), "Good-Pass-2025", "/");
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), "Good-Pass-2025"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_CHANGED' AND entity_id = ?",
                Integer.class, a.id())).isEqualTo(1);
    }

    @Test
    void anAdministratorsResetForcesAChangeAndAnOldPasswordCannotComeBack() throws Exception {
        Account a = accounts.newUser("\"OFFICER\"");
        MockHttpSession session = login(a.username(), a.password(), "/login/password");
        change(session, a.password(), "First-Pass-2025", "First-Pass-2025").andExpect(redirectedUrl("/login?changed"));

        String temporary = AccountFixture.read(mvc.perform(post("/api/admin/users/" + a.id() + "/password-reset")
                .with(httpBasic("sysadmin", "demo1234"))).andExpect(status().isOk())).get("temporaryPassword").asText();
        login(a.username(), "First-Pass-2025", "/login?error");
        session = login(a.username(), temporary, "/login/password");
        change(session, temporary, "First-Pass-2025", "First-Pass-2025").andExpect(content().string(containsString("不得与最近5次")));
        change(session, temporary, "Second-Pass-2025", "Second-Pass-2025").andExpect(redirectedUrl("/login?changed"));
        login(a.username(), "Second-Pass-2025", "/");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'PASSWORD_RESET' AND entity_id = ?",
                String.class, a.id())).isEqualTo("sysadmin");
    }

    @Test
    void aPasswordOlderThanTheConfiguredAgeMustBeChanged() throws Exception {
        Account a = accounts.newUser("\"OFFICER\"");
        MockHttpSession session = login(a.username(), a.password(), "/login/password");
        change(session, a.password(), "Aging-Pass-2025", "Aging-Pass-2025").andExpect(redirectedUrl("/login?changed"));
        jdbc.update("UPDATE app_user SET password_changed_at = DATEADD('DAY', -91, CURRENT_TIMESTAMP) WHERE id = ?", a.id());
        session = login(a.username(), "Aging-Pass-2025", "/login/password");
        change(session, "Aging-Pass-2025", "Fresh-Pass-2025", "Fresh-Pass-2025").andExpect(redirectedUrl("/login?changed"));
        login(a.username(), "Fresh-Pass-2025", "/");
    }

    @Test
    void aSignedInUserChangesTheirOwnPassword() throws Exception {
        Account a = accounts.newUser("\"OFFICER\"");
        MockHttpSession session = login(a.username(), a.password(), "/login/password");
        change(session, a.password(), "Own-Pass-2025", "Own-Pass-2025").andExpect(redirectedUrl("/login?changed"));
        session = login(a.username(), "Own-Pass-2025", "/");
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", "Own-Pass-2025")
                        .param("newPassword", "abc").param("confirmPassword", "abc"))
                .andExpect(content().string(containsString("口令至少8位")));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", "Own-Pass-2025")
                        .param("newPassword", "Next-Pass-2026").param("confirmPassword", "Next-Pass-2026"))
                .andExpect(content().string(containsString("口令已修改")));
        login(a.username(), "Next-Pass-2026", "/");
    }
}

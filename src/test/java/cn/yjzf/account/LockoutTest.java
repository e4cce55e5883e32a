package cn.yjzf.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.account.AccountFixture.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Login-failure handling on every entry point: five wrong passwords lock the account (then even the right one is
 * refused), the security administrator unlocks it, and failures and the lockout are in the audit trail.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:accounts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class LockoutTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    AccountFixture accounts;

    @BeforeEach
    void fixture() {
        accounts = new AccountFixture(mvc);
    }

    /** A user who has already set a password of their own (not the temporary one). */
    private Account activeOfficer() throws Exception {
        Account a = accounts.newUser("\"OFFICER\"");
        MockHttpSession session = login(a.username(), a.password(), "/login/password");
        String mine = "Strong-Pass-2025";
        mvc.perform(post("/login/password").session(session).with(csrf()).param("currentPassword", a.password())
                .param("newPassword", mine).param("confirmPassword", mine)).andExpect(redirectedUrl("/login?changed"));
        return new Account(a.id(), a.username(), mine);
    }

    private MockHttpSession login(String user, String password, String expectedRedirect) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl(expectedRedirect)).andReturn().getRequest().getSession();
    }

    private void auditShowsLockout(Account a) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND entity_id = ?",
                Integer.class, a.id())).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_LOCKED' AND entity_id = ?",
                Integer.class, a.id())).isEqualTo(1);
    }

    @Test
    void formLoginLocksAfterFiveFailuresAndTheSecurityAdministratorUnlocksOnItsPage() throws Exception {
        Account a = activeOfficer();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(a.username()).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(a.username()).password(a.password())).andExpect(redirectedUrl("/login?locked"));
        auditShowsLockout(a);

        // the system administrator cannot unlock (三员分立); the security administrator can, on the page
        mvc.perform(post("/admin/security/users/" + a.id() + "/unlock").with(csrf()).session(login("sysadmin", "demo1234", "/")))
                .andExpect(status().isForbidden());
        MockHttpSession sec = login("secadmin", "demo1234", "/");
        mvc.perform(post("/admin/security/users/" + a.id() + "/unlock").with(csrf()).session(sec))
                .andExpect(redirectedUrl("/admin/security/users/" + a.id()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_UNLOCKED' AND entity_id = ? AND actor = 'secadmin'",
                Integer.class, a.id())).isEqualTo(1);
        mvc.perform(formLogin("/login").user(a.username()).password(a.password())).andExpect(redirectedUrl("/"));
    }

    @Test
    void httpBasicLocksAfterFiveFailuresAndIsUnlockedOverTheApi() throws Exception {
        Account a = activeOfficer();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), a.password()))).andExpect(status().isUnauthorized());
        auditShowsLockout(a);
        mvc.perform(post("/api/admin/users/" + a.id() + "/unlock").with(httpBasic("secadmin", "demo1234")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.locked").value(false));
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), a.password()))).andExpect(status().isOk());
    }

    @Test
    void theTokenEndpointLocksTooAndALockedAccountsTokenStopsWorking() throws Exception {
        Account a = activeOfficer();
        String token = AccountFixture.read(mvc.perform(post("/api/token").with(httpBasic(a.username(), a.password()))))
                .get("accessToken").asText();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/token").with(httpBasic(a.username(), "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/token").with(httpBasic(a.username(), a.password()))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/enterprises").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        auditShowsLockout(a);
        mvc.perform(post("/api/admin/users/" + a.id() + "/unlock").with(httpBasic("secadmin", "demo1234"))).andExpect(status().isOk());
        mvc.perform(post("/api/token").with(httpBasic(a.username(), a.password()))).andExpect(status().isOk());
        mvc.perform(get("/api/enterprises").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgainAndALockEndsByItself() throws Exception {
        Account a = activeOfficer();
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), a.password()))).andExpect(status().isOk());
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), a.password()))).andExpect(status().isOk());

        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), a.password()))).andExpect(status().isUnauthorized());
        // the lock lasts the configured 30 minutes: move it into the past
        jdbc.update("UPDATE app_user SET locked_until = DATEADD('MINUTE', -1, CURRENT_TIMESTAMP) WHERE id = ?", a.id());
        mvc.perform(get("/api/enterprises").with(httpBasic(a.username(), a.password()))).andExpect(status().isOk());
    }
}

package cn.yjzf.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.account.AccountFixture.Account;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** One session per user by default (a new login ends the older one); every page carries the idle timeout for its warning. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:accounts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class SessionControlsTest {

    @Autowired MockMvc mvc;

    private MockHttpSession login(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    @Test
    void aSecondLoginEndsTheFirstSessionAndPagesKnowTheIdleTimeout() throws Exception {
        Account a = new AccountFixture(mvc).newUser("\"OFFICER\"");
        MockHttpSession change = (MockHttpSession) mvc.perform(formLogin("/login").user(a.username()).password(a.password()))
                .andReturn().getRequest().getSession();
        mvc.perform(post("/login/password").session(change).with(csrf()).param("currentPassword", a.password())
                .param("newPassword", "Session-2025").param("confirmPassword", "Session-2025"));

        MockHttpSession first = login(a.username(), "Session-2025");
        mvc.perform(get("/enterprises").session(first)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<meta name=\"session-timeout\" content=\"1800\"")))
                .andExpect(content().string(Matchers.containsString("/js/session-timeout.js")));
        MockHttpSession second = login(a.username(), "Session-2025");
        mvc.perform(get("/enterprises").session(second)).andExpect(status().isOk());
        mvc.perform(get("/enterprises").session(first)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/session/keepalive").session(second)).andExpect(status().isNoContent());
    }
}

package cn.yjzf.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrators' second factor, required by configuration (as outside the demo): enrolment shows the otpauth URI
 * and QR code, the first right code binds it, later logins need a current code; the API needs the code to issue a
 * token. Codes are computed here with the same library an authenticator app's algorithm matches (RFC 6238).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:totp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true", "app.security.totp.required=true"})
@AutoConfigureMockMvc
class TotpLoginTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    private static String code(String secret) throws Exception {
        return code(secret, 0);
    }

    /** The code of the current 30-second step moved by {@code offset}; the server accepts one step of drift. */
    private static String code(String secret, int offset) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Math.floorDiv(System.currentTimeMillis() / 1000, 30) + offset);
    }

    private MockHttpSession passwordStep(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo1234"))
                .andExpect(redirectedUrl("/login/totp")).andReturn().getRequest().getSession();
    }

    @Test
    void anAdministratorEnrolsAtFirstLoginAndThenNeedsACurrentCode() throws Exception {
        MockHttpSession session = passwordStep("sysadmin");
        // the password alone does not sign in
        mvc.perform(get("/admin/users").session(session)).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/login/totp").session(session))
                .andExpect(content().string(containsString("data:image/png;base64,")))
                .andReturn().getResponse().getContentAsString();
        Matcher uri = Pattern.compile("otpauth://totp/[^<\"]*secret=([A-Z2-7]+)[^<\"]*").matcher(page);
        assertThat(uri.find()).isTrue();
        assertThat(uri.group()).contains("issuer=").contains("sysadmin");
        String secret = uri.group(1);

        mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", "000000"))
                .andExpect(content().string(containsString("动态口令不正确")));
        assertThat(jdbc.queryForObject("SELECT totp_secret FROM app_user WHERE username = 'sysadmin'", String.class)).isNull();
        String enrolmentCode = code(secret);
        mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", enrolmentCode))
                .andExpect(redirectedUrl("/admin"));
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TOTP_ENROLLED' AND actor = 'sysadmin'",
                Integer.class)).isEqualTo(1);

        // next time: no enrolment, and a code is accepted once (a replayed one is refused), so the next step's code
        MockHttpSession again = passwordStep("sysadmin");
        mvc.perform(get("/login/totp").session(again)).andExpect(content().string(org.hamcrest.Matchers.not(containsString("otpauth://"))));
        mvc.perform(post("/login/totp").session(again).with(csrf()).param("code", enrolmentCode))
                .andExpect(content().string(containsString("动态口令不正确")));
        mvc.perform(post("/login/totp").session(again).with(csrf()).param("code", code(secret, 1))).andExpect(redirectedUrl("/admin"));
        mvc.perform(get("/admin/agencies").session(again)).andExpect(status().isOk());
    }

    @Test
    void wrongCodesCountAsFailedLoginsAndLockTheAccount() throws Exception {
        MockHttpSession session = passwordStep("auditor");
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", "12345" + i))
                    .andExpect(content().string(containsString("动态口令不正确")));
        }
        mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", "999999")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(formLogin("/login").user("auditor").password("demo1234")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(post("/api/admin/users/" + jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'auditor'", Long.class)
                + "/unlock").with(httpBasic("secadmin", "demo1234"))).andExpect(status().isUnauthorized());
    }

    @Test
    void onTheApiAnAdministratorNeedsTheCodeForATokenAndBusinessUsersAreUnaffected() throws Exception {
        MockHttpSession session = passwordStep("secadmin");
        String page = mvc.perform(get("/login/totp").session(session)).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("secret=([A-Z2-7]+)").matcher(page);
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", code(secret))).andExpect(redirectedUrl("/admin"));

        mvc.perform(get("/api/admin/users").with(httpBasic("secadmin", "demo1234")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("TOTP_REQUIRED"));
        mvc.perform(post("/api/token").with(httpBasic("secadmin", "demo1234"))).andExpect(status().isUnauthorized());
        String token = AccountFixture.read(mvc.perform(post("/api/token").with(httpBasic("secadmin", "demo1234"))
                .header("X-TOTP-Code", code(secret, 1))).andExpect(status().isOk())).get("accessToken").asText();
        // the same code does not issue a second token
        mvc.perform(post("/api/token").with(httpBasic("secadmin", "demo1234")).header("X-TOTP-Code", code(secret, 1)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/users").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        mvc.perform(formLogin("/login").user("officer").password("demo1234")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/enterprises").with(httpBasic("officer", "demo1234"))).andExpect(status().isOk());
    }
}

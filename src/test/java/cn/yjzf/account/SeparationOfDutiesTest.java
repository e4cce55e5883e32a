package cn.yjzf.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.account.AccountFixture.Account;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 三员分立: which account may do what, and which role combinations may never be saved. The matrix is exhaustive over
 * the demo users (one per role) and a representative request of each kind of power.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:accounts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class SeparationOfDutiesTest {

    @Autowired MockMvc mvc;
    AccountFixture accounts;

    @BeforeEach
    void fixture() {
        accounts = new AccountFixture(mvc);
    }

    /** API request → the demo users who may make it; every other demo user gets 403. */
    private static final Map<String, Set<String>> API_MATRIX = Map.of(
            "GET /api/admin/agencies", Set.of("sysadmin"),
            "GET /api/admin/townships", Set.of("sysadmin"),
            "GET /api/admin/users", Set.of("sysadmin", "secadmin"),
            "POST /api/admin/users/1/unlock", Set.of("secadmin"),
            "POST /api/admin/users/{new}/password-reset", Set.of("sysadmin"),
            "GET /api/enterprises", Set.of("officer", "officer2", "reviewer", "approver", "township", "township2"),
            "GET /api/inspections/999999", Set.of("officer", "officer2", "reviewer", "approver", "township", "township2"));
    private static final List<String> DEMO_USERS = List.of("officer", "officer2", "reviewer", "approver", "township",
            "township2", "maintainer", "sysadmin", "secadmin", "auditor");

    @Test
    void eachAdministratorHasItsOwnPowersAndNoBusinessPowers() throws Exception {
        Account target = accounts.newUser(null);
        for (Map.Entry<String, Set<String>> e : API_MATRIX.entrySet()) {
            String[] request = e.getKey().replace("{new}", Long.toString(target.id())).split(" ");
            for (String user : DEMO_USERS) {
                var builder = request[0].equals("GET") ? get(request[1]) : post(request[1]);
                int status = mvc.perform(builder.with(httpBasic(user, "demo1234"))).andReturn().getResponse().getStatus();
                if (e.getValue().contains(user)) {
                    assertThat(status).as(user + " " + e.getKey()).isIn(200, 404);
                } else {
                    assertThat(status).as(user + " " + e.getKey()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void administratorsPagesAreTheirsAloneAndBusinessPagesAreClosedToThem() throws Exception {
        Map<String, Set<String>> pages = Map.of(
                "/admin/users", Set.of("sysadmin"),
                "/admin/agencies", Set.of("sysadmin"),
                "/admin/security", Set.of("secadmin"),
                "/enterprises", Set.of("officer", "reviewer"),
                "/rules", Set.of("maintainer", "reviewer"));
        for (String user : List.of("officer", "reviewer", "maintainer", "sysadmin", "secadmin", "auditor")) {
            MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo1234"))
                    .andReturn().getRequest().getSession();
            for (Map.Entry<String, Set<String>> p : pages.entrySet()) {
                int status = mvc.perform(get(p.getKey()).session(session)).andReturn().getResponse().getStatus();
                assertThat(status).as(user + " " + p.getKey()).isEqualTo(p.getValue().contains(user) ? 200 : 403);
            }
            if (Set.of("sysadmin", "secadmin").contains(user)) {
                mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/admin"));
                mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
            } else if (user.equals("auditor")) { // the audit trail is all the audit administrator has
                mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/audit"));
                mvc.perform(get("/audit").session(session)).andExpect(status().isOk());
            } else {
                mvc.perform(get("/admin").session(session)).andExpect(status().isForbidden());
            }
        }
    }

    @Test
    void noAccountHoldsTwoAdministratorRolesNorOneWithABusinessRole() throws Exception {
        Account a = accounts.newUser(null);
        List<String> refused = List.of("\"SYSTEM_ADMIN\",\"SECURITY_ADMIN\"", "\"SYSTEM_ADMIN\",\"AUDIT_ADMIN\"",
                "\"SECURITY_ADMIN\",\"AUDIT_ADMIN\"", "\"SYSTEM_ADMIN\",\"OFFICER\"", "\"AUDIT_ADMIN\",\"LEGAL_REVIEWER\"",
                "\"SECURITY_ADMIN\",\"RULE_MAINTAINER\"");
        for (String roles : refused) {
            accounts.asJson("secadmin", put("/api/admin/users/" + a.id() + "/roles"), "{\"roles\":[" + roles + "],\"version\":0}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("roles"))
                    .andExpect(jsonPath("$.errors[0].code").value("SEPARATION_OF_DUTIES"));
        }
        // a single administrator role, or business roles together, are fine
        accounts.grant(a.id(), "\"AUDIT_ADMIN\"");
        accounts.grant(a.id(), "\"OFFICER\",\"APPROVER\"");
    }

    @Test
    void aLegalReviewerMustBeQualifiedAndTheSecurityAdministratorCannotChangeTheirOwnRoles() throws Exception {
        Account unqualified = accounts.newUser(null);
        accounts.asJson("secadmin", put("/api/admin/users/" + unqualified.id() + "/roles"), "{\"roles\":[\"LEGAL_REVIEWER\"],\"version\":0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("NOT_LEGALLY_QUALIFIED"));
        Account qualified = accounts.newUser(null, "2030-12-31", "法律职业资格证书A2019");
        accounts.grant(qualified.id(), "\"LEGAL_REVIEWER\"");
        // removing the qualification of a serving reviewer is refused as well
        accounts.asJson("sysadmin", put("/api/admin/users/" + qualified.id()), """
                {"username":"%s","fullName":"审核","agencyId":1,"legalQualification":"","enabled":true,"version":1}"""
                .formatted(qualified.username()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("legalQualification"));

        long secadmin = AccountFixture.read(mvc.perform(get("/api/admin/users").with(httpBasic("secadmin", "demo1234"))))
                .findParents("username").stream().filter(n -> n.get("username").asText().equals("secadmin"))
                .findFirst().orElseThrow().get("id").asLong();
        accounts.asJson("secadmin", put("/api/admin/users/" + secadmin + "/roles"), "{\"roles\":[],\"version\":0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("SELF_ROLE_CHANGE"));
    }
}

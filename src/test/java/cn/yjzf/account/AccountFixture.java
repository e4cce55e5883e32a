package cn.yjzf.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Accounts made through the administration API, as the system and security administrators would. */
final class AccountFixture {

    static final String DEMO = "demo1234";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Account(long id, String username, String password) {
    }

    private final MockMvc mvc;

    AccountFixture(MockMvc mvc) {
        this.mvc = mvc;
    }

    ResultActions asJson(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                         String body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, DEMO)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A new officer of the demo bureau (agency 1) with a valid certificate, holding its temporary password. */
    Account newUser(String roles) throws Exception {
        return newUser(roles, "2030-12-31", null);
    }

    Account newUser(String roles, String certificateValidUntil, String qualification) throws Exception {
        String username = "user" + SEQ.incrementAndGet() + System.nanoTime() % 100000;
        String body = """
                {"username":"%s","fullName":"测试%s","agencyId":1,"certificateNo":"3301009%s",
                 "certificateValidUntil":"%s","legalQualification":%s,"enabled":true}"""
                .formatted(username, SEQ.get(), SEQ.get(), certificateValidUntil,
                        qualification == null ? "null" : "\"" + qualification + "\"");
        JsonNode created = read(asJson("sysadmin", post("/api/admin/users"), body).andExpect(status().isCreated()));
        long id = created.at("/user/id").asLong();
        if (roles != null) {
            grant(id, roles);
        }
        return new Account(id, username, created.get("temporaryPassword").asText());
    }

    void grant(long id, String roles) throws Exception {
        JsonNode user = read(mvc.perform(get("/api/admin/users").with(httpBasic("secadmin", DEMO))));
        long version = -1;
        for (JsonNode u : user) {
            if (u.get("id").asLong() == id) {
                version = u.get("version").asLong();
            }
        }
        asJson("secadmin", put("/api/admin/users/" + id + "/roles"), "{\"roles\":[" + roles + "],\"version\":" + version + "}")
                .andExpect(status().isOk());
    }

    static JsonNode read(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

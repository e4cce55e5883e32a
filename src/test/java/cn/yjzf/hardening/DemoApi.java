package cn.yjzf.hardening;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Calls on the demo bureau's API as one of its users (password demo1234), with a bearer token to skip BCrypt. */
final class DemoApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;
    private final String bearer;

    DemoApi(MockMvc mvc, String username) throws Exception {
        this.mvc = mvc;
        String issued = mvc.perform(post("/api/token").with(httpBasic(username, "demo1234")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        this.bearer = "Bearer " + JSON.readTree(issued).get("accessToken").asText();
    }

    MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer)).andReturn();
    }

    MvcResult postJson(String url, String body) throws Exception {
        return perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** POSTs and returns the JSON answer, failing unless it is 2xx. */
    JsonNode created(String url, String body) throws Exception {
        MvcResult r = postJson(url, body);
        if (r.getResponse().getStatus() >= 300) {
            throw new AssertionError(url + " answered " + r.getResponse().getStatus() + ": "
                    + r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        }
        return JSON.readTree(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }
}

package cn.yjzf.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A non-demo deployment on a real Tomcat: the API description needs a login, and the session cookie is HttpOnly
 * and SameSite=Lax (what Tomcat actually sends, not what a mock would).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:production;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
class ProductionExposureTest {

    @LocalServerPort int port;
    @Autowired AgencyRepository agencies;
    @Autowired AppUserRepository users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiDescriptionNeedsALoginAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(302);
        assertThat(get("/swagger-ui.html", null).statusCode()).isEqualTo(302);

        Agency agency = agencies.save(new Agency("生产环境测试局", "生测"));
        users.save(new AppUser("prod-officer", "{noop}secret-pass", "张三", agency.getId(), null, "P001",
                java.time.LocalDate.of(2030, 1, 1), Set.of(Role.OFFICER)));
        HttpResponse<String> login = get("/login", null);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        String session = setCookie.substring(0, setCookie.indexOf(';'));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=prod-officer&password=secret-pass&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String newSession = signedIn.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(session);
        assertThat(get("/v3/api-docs", newSession).statusCode()).isEqualTo(200);
    }
}

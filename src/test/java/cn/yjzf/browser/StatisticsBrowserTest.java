package cn.yjzf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.rectification.IssueOrder;
import cn.yjzf.rectification.RectificationService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 统计看板 in real headless Chromium, using only the page and the public API: both charts draw (an ECharts canvas of
 * non-zero size, no console errors), a date-range filter applied on the page gives the same tables as
 * {@code /api/statistics} for that range (for the city 负责人 and for the 清溪镇 enforcer, whose scope is the township,
 * and whose total equals the city's 清溪镇 row), the CSV / XLSX links of the filtered page download, and a reversed
 * range is refused in Chinese. The page has no township selector: the township figure is checked through the
 * township's own scope and the city's 按乡镇 table.
 * Same context as {@link BrowserFlowTest}; skipped without Chromium unless REQUIRE_BROWSER=true.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
class StatisticsBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebDriver driver;

    @LocalServerPort int port;
    @Autowired InspectionService inspections;
    @Autowired RectificationService orders;
    @Autowired AppUserRepository users;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    static void startBrowser() {
        driver = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void login(String user) {
        Chromium.login(driver, url("/"), user);
    }

    /** An inspection with one hazard and its order, through the services (the UI path is in the other browser tests). */
    private void inspected(long enterprise, LocalDate on, String group, Map<String, String> answers) {
        CurrentUser officer = CurrentUser.of(users.findByUsername("officer").orElseThrow());
        CurrentUser officer2 = CurrentUser.of(users.findByUsername("officer2").orElseThrow());
        Long inspection = inspections.open(officer, new NewInspection(enterprise, on, "统计看板测试车间",
                Set.of(officer.id(), officer2.id()))).getId();
        inspections.addFinding(officer, inspection, new NewFinding(group, answers, "统计看板测试隐患", null));
        orders.issue(officer, inspection, new IssueOrder(on, on.plusDays(30), null));
    }

    /** {@code /api/statistics} for the range, as the user (bearer token from /api/token). */
    private JsonNode api(String user, LocalDate from, LocalDate to) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(url("/api/token")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234")
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String bearer = JSON.readTree(token.body()).get("accessToken").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/statistics?from=" + from + "&to=" + to)))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The rows of an API table, as the page prints them. */
    private static List<List<String>> apiRows(JsonNode dashboard, String key) {
        for (JsonNode t : dashboard.get("tables")) {
            if (t.get("key").asText().equals(key)) {
                List<List<String>> rows = new ArrayList<>();
                t.get("rows").forEach(r -> {
                    List<String> cells = new ArrayList<>();
                    r.forEach(c -> cells.add(c.asText()));
                    rows.add(cells);
                });
                return rows;
            }
        }
        throw new AssertionError("no table " + key);
    }

    /** The rows of a table on the page. */
    private static List<List<String>> pageRows(String key) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#table-" + key + " tbody tr"))) {
            rows.add(tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    private static String summary(List<List<String>> rows, String figure) {
        return rows.stream().filter(r -> r.get(0).equals(figure)).findFirst().orElseThrow().get(1);
    }

    /** Both charts drawn: ECharts puts a canvas of the container's size into each. */
    private static void chartsDrawn() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        for (String chart : List.of("chart-hazards", "chart-penalties")) {
            WebElement canvas = wait.until(d -> d.findElements(By.cssSelector("#" + chart + " canvas")).stream()
                    .findFirst().orElse(null));
            assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(100);
            assertThat(canvas.getSize().getHeight()).as(chart).isGreaterThan(100);
        }
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private void filter(LocalDate from, LocalDate to) {
        Chromium.setValue(driver, driver.findElement(By.name("from")), from.toString());
        Chromium.setValue(driver, driver.findElement(By.name("to")), to.toString());
        Chromium.navigate(driver, By.xpath("//main//form//button[normalize-space()='统计']"));
    }

    /** Fetches a link in the page's own session: status, content type, size and (for text) the start of the body. */
    @SuppressWarnings("unchecked")
    private static List<Object> download(String href) {
        return (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
                  return r.arrayBuffer().then(function (b) {
                    var head = new TextDecoder('utf-8').decode(b.slice(0, 400));
                    done([r.status, r.headers.get('content-type'), b.byteLength, head,
                          r.headers.get('content-disposition')]);
                  });
                }).catch(function (e) { done(['ERROR', String(e)]); });""", href);
    }

    @Test
    void theDashboardDrawsItsChartsAndItsFilteredFiguresEqualTheApiAndDownload() throws Exception {
        inspected(1L, today.minusDays(3), "GM-06-06", Map.of("GM-06-06-GAS", "未设置"));     // 城南街道
        inspected(2L, today.minusDays(2), "GM-04-07", Map.of("GM-04-07-FACILITY", "失效", "GM-04-07-PIPE", "正常")); // 清溪镇
        inspected(2L, today.minusDays(60), "GM-04-07", Map.of("GM-04-07-FACILITY", "失效", "GM-04-07-PIPE", "正常"));
        LocalDate from = today.minusDays(10);

        login("approver");
        driver.get(url("/statistics"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("统计看板");
        chartsDrawn();

        filter(from, today);
        chartsDrawn();
        assertThat(driver.getCurrentUrl()).contains("from=" + from, "to=" + today);
        JsonNode city = api("approver", from, today);
        for (String table : List.of("summary", "township", "industry", "month")) {
            assertThat(pageRows(table)).as(table).isEqualTo(apiRows(city, table));
        }
        List<List<String>> summary = pageRows("summary");
        assertThat(Long.parseLong(summary(summary, "检查次数"))).isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(summary(apiRows(api("approver", today.minusDays(70), today), "summary"), "检查次数")))
                .as("the range leaves out the inspection 60 days ago")
                .isGreaterThan(Long.parseLong(summary(summary, "检查次数")));
        List<String> qingxiRow = pageRows("township").stream().filter(r -> r.get(0).equals("清溪镇")).findFirst()
                .orElseThrow();

        // the downloads of the filtered page
        String csv = driver.findElement(By.id("export-csv")).getAttribute("href");
        String xlsx = driver.findElement(By.id("export-xlsx")).getAttribute("href");
        assertThat(csv).contains("from=" + from, "to=" + today);
        List<Object> c = download(csv);
        assertThat(c.get(0)).as(c.toString()).isEqualTo(200L);
        assertThat((String) c.get(1)).startsWith("text/csv");
        assertThat((String) c.get(3)).contains("检查次数");
        assertThat((String) c.get(4)).contains("attachment");
        List<Object> x = download(xlsx);
        assertThat(x.get(0)).as(x.toString()).isEqualTo(200L);
        assertThat(x.get(1)).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat((String) x.get(3)).startsWith("PK"); // a zip, as every XLSX is
        assertThat((Long) x.get(2)).isGreaterThan(1000L);

        // the 清溪镇 enforcer: the township's figures, equal to the API and to the city's 清溪镇 row
        login("township");
        driver.get(url("/statistics"));
        chartsDrawn();
        filter(from, today);
        chartsDrawn();
        JsonNode township = api("township", from, today);
        assertThat(pageRows("summary")).isEqualTo(apiRows(township, "summary"));
        assertThat(pageRows("township")).isEqualTo(apiRows(township, "township"));
        List<String> total = pageRows("township").stream().filter(r -> r.get(0).equals("合计")).findFirst().orElseThrow();
        assertThat(total.subList(1, total.size())).as("the township's total is the city's 清溪镇 row")
                .isEqualTo(qingxiRow.subList(1, qingxiRow.size()));

        // a reversed range is refused in Chinese naming the dates (400, not a 5xx): the form again, over the default period
        filter(today, from);
        assertThat(driver.findElement(By.className("errors")).getText()).contains("截止日期不能早于起始日期");
        assertThat(driver.findElement(By.name("from")).getAttribute("value")).isEqualTo(LocalDate.of(today.getYear(), 1, 1).toString());
        assertThat(driver.findElements(By.cssSelector("#chart-hazards"))).hasSize(1);
    }
}

package cn.yjzf.durability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.enterprise.CreditCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 2: the application runs in a child JVM on the default file H2 database (the production
 * {@code application.properties} URL, resolved in a scratch working directory), answers writes, is killed with
 * SIGKILL right after the last acknowledgement and restarted on the same files. Every acknowledged enterprise,
 * inspection, order and document number must be there, and the next order must get the next number.
 */
class KillNineDurabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;
    private int port;

    @AfterEach
    void stop() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedWriteAndDocumentNumberSurvivesKillNine() throws Exception {
        Path workDir = Files.createTempDirectory(PROJECT.resolve("target"), "kill9-");
        start(workDir, "first");

        Map<Long, String> enterprises = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String body = "913501007" + String.format("%08d", 10_000_000 + i).substring(0, 8);
            String code = body + CreditCodes.checkCharacter(body);
            String name = "持久性测试企业" + i;
            JsonNode created = call("officer", "POST", "/api/enterprises", """
                    {"creditCode":"%s","name":"%s","industry":"MACHINERY","address":"江城市测试路%d号","legalRepresentative":"测试"}"""
                    .formatted(code, name, i), 201);
            enterprises.put(created.get("id").asLong(), name);
        }
        JsonNode first = issueOrderOnDemoCement();
        long inspectionId = first.get("inspectionId").asLong();
        String documentNo = first.get("documentNo").asText();
        long orderId = first.get("id").asLong();
        // SIGKILL straight after the last 201: no shutdown hook, no H2 close, no flush other than the commit's own
        app.destroyForcibly().waitFor();

        start(workDir, "second");
        for (Map.Entry<Long, String> e : enterprises.entrySet()) {
            assertThat(call("officer", "GET", "/api/enterprises/" + e.getKey(), null, 200).get("name").asText())
                    .isEqualTo(e.getValue());
        }
        assertThat(call("officer", "GET", "/api/inspections/" + inspectionId, null, 200).get("findings")).hasSize(1);
        assertThat(call("officer", "GET", "/api/rectification-orders/" + orderId, null, 200).get("documentNo").asText())
                .isEqualTo(documentNo);

        // health covers both the durability settings (H2 WRITE_DELAY=0) and the audit chain verified at start-up
        assertThat(call("officer", "GET", "/actuator/health", null, 200).get("status").asText()).isEqualTo("UP");
        String next = issueOrderOnDemoCement().get("documentNo").asText();
        assertThat(number(next)).as("the number after %s is never a reused one", documentNo)
                .isEqualTo(number(documentNo) + 1);
    }

    /**
     * Issue 13 item 2: N documents numbered one after another, SIGKILL right after the N-th 201, restart on the same
     * files. All N are stored with the numbers they were acknowledged with, those numbers are consecutive, and the next
     * document gets N+1: no number lost with the crash, none handed out twice.
     */
    @Test
    void documentNumbersIssuedBeforeAKillAreAllStoredAndTheNextFollowsWithoutAGap() throws Exception {
        Path workDir = Files.createTempDirectory(PROJECT.resolve("target"), "kill9-numbers-");
        start(workDir, "first");
        int n = 10;
        Map<Long, String> issued = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            JsonNode order = issueOrderOnDemoCement();
            issued.put(order.get("id").asLong(), order.get("documentNo").asText());
        }
        app.destroyForcibly().waitFor();

        start(workDir, "second");
        List<Integer> numbers = new ArrayList<>();
        for (Map.Entry<Long, String> e : issued.entrySet()) {
            assertThat(call("officer", "GET", "/api/rectification-orders/" + e.getKey(), null, 200).get("documentNo").asText())
                    .isEqualTo(e.getValue());
            numbers.add(number(e.getValue()));
        }
        int first = numbers.get(0);
        assertThat(numbers).as("consecutive as acknowledged").containsExactlyElementsOf(
                java.util.stream.IntStream.range(first, first + n).boxed().toList());
        assertThat(number(issueOrderOnDemoCement().get("documentNo").asText())).as("the next after a crash")
                .isEqualTo(first + n);
    }

    private JsonNode issueOrderOnDemoCement() throws Exception {
        JsonNode inspection = call("officer", "POST", "/api/inspections", """
                {"enterpriseId":1,"inspectionDate":"2025-06-10","place":"煤磨车间","officerIds":[1,2]}""", 201);
        String base = "/api/inspections/" + inspection.get("id").asLong();
        call("officer", "POST", base + "/findings", """
                {"checklistGroup":"GM-06-06","answers":{"GM-06-06-GAS":"未设置"},"description":"燃气配气间未设置可燃气体报警"}""", 201);
        return call("officer", "POST", base + "/rectification-order", """
                {"issueDate":"2025-06-10","deadlines":{"1":"2025-06-30"}}""", 201);
    }

    private static int number(String documentNo) {
        Matcher m = Pattern.compile("〕(\\d+)号$").matcher(documentNo);
        assertThat(m.find()).as(documentNo).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private JsonNode call(String user, String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234")
                        .getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    private void start(Path workDir, String name) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + workDir,
                "-cp", System.getProperty("java.class.path"),
                "cn.yjzf.YjzfApplication",
                "--server.port=" + port,
                "--app.rules.dir=" + PROJECT.resolve("rules"),
                "--app.documents.templates-dir=" + PROJECT.resolve("case-templates")));
        app = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("application exited; see " + workDir.resolve(name + ".log")).isTrue();
            try {
                // an authenticated call: the web server answers before the demo data (an ApplicationRunner) exists
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/enterprises"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "officer:demo1234".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpConnectTimeoutException notYet) {
                // still starting
            } catch (IOException notYet) {
                // connection reset while starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("application did not start within 3 minutes; see " + workDir.resolve(name + ".log"));
    }
}

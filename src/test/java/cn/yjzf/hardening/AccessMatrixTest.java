package cn.yjzf.hardening;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.yjzf.enterprise.CreditCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import cn.yjzf.organisation.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The role × resource matrix of docs/security.md, read from the document itself and checked against the running app
 * for every role: ✓ must pass the role check (no 401/403, no 5xx), ✗ must be a 403.
 */
@DemoBureauTest
class AccessMatrixTest {

    /** The demo user holding each role (README, DemoData). */
    static final Map<Role, String> USERS = new EnumMap<>(Map.of(Role.OFFICER, "officer",
            Role.TOWNSHIP_ENFORCER, "township", Role.LEGAL_REVIEWER, "reviewer", Role.APPROVER, "approver",
            Role.RULE_MAINTAINER, "maintainer", Role.SYSTEM_ADMIN, "sysadmin", Role.SECURITY_ADMIN, "secadmin",
            Role.AUDIT_ADMIN, "auditor"));
    static {
        USERS.put(Role.UNIT_HEAD, "unithead");
    }

    private static final AtomicInteger CODES = new AtomicInteger();

    record Row(String resource, HttpMethod method, String path, Map<Role, Boolean> allowed) {
    }

    /** The rows of the matrix table that name a request, in document order. */
    static List<Row> matrix() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/security.md"));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("| 资源与操作 |")).findFirst().orElseThrow());
        List<Role> columns = Stream.of(lines.get(header).split("\\|")).map(String::trim).skip(3)
                .map(Role::valueOf).toList();
        assertThat(columns).as("every role has a column").containsExactlyInAnyOrder(Role.values());
        List<Row> rows = new ArrayList<>();
        Pattern request = Pattern.compile("`(GET|POST|PUT|DELETE) ([^`]+)`");
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            Matcher m = request.matcher(cells[2]);
            if (!m.find()) {
                continue; // a resource another feature provides and tests
            }
            Map<Role, Boolean> allowed = new EnumMap<>(Role.class);
            for (int i = 0; i < columns.size(); i++) {
                allowed.put(columns.get(i), cells[3 + i].trim().equals("✓"));
            }
            rows.add(new Row(cells[1].trim(), HttpMethod.valueOf(m.group(1)), m.group(2), allowed));
        }
        return rows;
    }

    static Stream<Arguments> cells() throws IOException {
        return matrix().stream().flatMap(r -> r.allowed().entrySet().stream()
                .map(e -> Arguments.of(r.resource(), r, e.getKey(), e.getValue())));
    }

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    final Map<Role, DemoApi> api = new EnumMap<>(Role.class);
    final Map<String, String> ids = new java.util.HashMap<>();

    /** Records in 清溪镇, so the township enforcer's jurisdiction covers them as much as the bureau's. */
    @BeforeAll
    void fixtures() throws Exception {
        for (Map.Entry<Role, String> e : USERS.entrySet()) {
            api.put(e.getKey(), new DemoApi(mvc, e.getValue()));
        }
        DemoApi township = api.get(Role.TOWNSHIP_ENFORCER);
        String inspection = inspection(township);
        ids.put("{enterprise}", "3");
        ids.put("{inspection}", inspection);
        ids.put("{finding}", township.created("/api/inspections/" + inspection + "/findings",
                "{\"description\":\"矩阵测试：通道堵塞\"}").get("id").asText());
        String issued = inspection(township);
        township.created("/api/inspections/" + issued + "/findings",
                "{\"checklistGroup\":\"GM-12-01\",\"answers\":{\"GM-12-01-DIRECT\":\"是\"},\"description\":\"氨直接蒸发制冷\"}");
        ids.put("{order}", township.created("/api/inspections/" + issued + "/rectification-order",
                "{\"issueDate\":\"2025-06-10\",\"defaultDeadline\":\"2025-06-30\"}").get("id").asText());
        ids.put("{release}", "999999");
        String track = DemoApi.JSON.readTree(township.perform(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.get("/api/rectification-orders/" + ids.get("{order}") + "/items"))
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).get(0).get("id").asText();
        ids.put("{listing}", api.get(Role.APPROVER).created("/api/supervision/listings", "{\"trackId\":" + track
                + ",\"level\":\"TOWNSHIP\",\"documentNo\":\"矩阵督1号\",\"responsiblePerson\":\"吴某\",\"deadline\":\""
                + BeijingDate.today().plusDays(60) + "\"}").get("id").asText());
        ids.put("{publication}", "999999");
        ids.put("{document}", reinspected(township, ids.get("{order}")));
        // an agency case: 清溪镇 decides its own cases (赋权), where the agency's approver would rightly get a 403
        caseWithADocument(api.get(Role.OFFICER));
        caseFixtures(api.get(Role.OFFICER));
    }

    /** Re-inspects the order's first item (passed), which issues a 整改复查意见书; returns that document's id. */
    private static String reinspected(DemoApi township, String order) throws Exception {
        String item = DemoApi.JSON.readTree(township.perform(request(HttpMethod.GET, "/api/rectification-orders/" + order + "/items"))
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).get(0).get("id").asText();
        township.created("/api/rectification-items/" + item + "/reinspection-request", "{\"version\":0,\"note\":\"已整改\"}");
        township.created("/api/rectification-items/" + item + "/reinspection", "{\"version\":1,\"passed\":true,\"note\":\"复查合格\"}");
        return DemoApi.JSON.readTree(township.perform(request(HttpMethod.GET, "/api/rectification-orders/" + order + "/documents"))
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).get(0).get("id").asText();
    }

    private Long userId(String username) {
        return ((cn.yjzf.organisation.CurrentUser) users.loadUserByUsername(username)).id();
    }

    /** An agency case in 清溪镇 handled by the officer and the township enforcer, filed, so its 立案审批表 is issued. */
    private void caseWithADocument(DemoApi township) throws Exception {
        long officer = ((cn.yjzf.organisation.CurrentUser) users.loadUserByUsername(USERS.get(Role.OFFICER))).id();
        com.fasterxml.jackson.databind.JsonNode c = township.created("/api/cases", "{\"enterpriseId\":3,\"partyName\":\"矩阵测试\","
                + "\"partyType\":\"ORGANISATION\",\"matterCode\":\"AQF-102\",\"source\":\"HAZARD\","
                + "\"cause\":\"矩阵测试案\",\"handlerIds\":[" + officer + "," + userId("township") + "]}");
        String id = c.get("id").asText();
        c = township.created("/api/cases/" + id + "/actions",
                "{\"action\":\"SUBMIT_FILING\",\"version\":" + c.get("version").asLong() + "}");
        api.get(Role.APPROVER).created("/api/cases/" + id + "/actions",
                "{\"action\":\"APPROVE\",\"version\":" + c.get("version").asLong() + "}");
        ids.put("{case}", id);
        String documents = township.perform(request(HttpMethod.GET, "/api/cases/" + id + "/documents")).getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        ids.put("{casedoc}", DemoApi.JSON.readTree(documents).get(0).get("id").asText());
    }

    /**
     * A penalty case in 清溪镇 under investigation, handled by the township enforcer and the officer, with two evidence
     * attachments (one to remove) and a pending 办案期限 extension; records that do not exist answer 404 after the role check.
     */
    private void caseFixtures(DemoApi township) throws Exception {
        long enforcer = ((cn.yjzf.organisation.CurrentUser) users.loadUserByUsername("township")).id();
        long officer = ((cn.yjzf.organisation.CurrentUser) users.loadUserByUsername("officer")).id();
        // another feature's fixture may already have opened the 清溪镇 case under investigation: share it
        String id = ids.containsKey("{case}") ? ids.get("{case}") : openFiledCase(township, enforcer, officer);
        ids.put("{case}", id);
        ids.put("{attachment}", upload(township, id));
        ids.put("{removable}", upload(township, id));
        ids.put("{extension}", township.created("/api/cases/" + id + "/deadline-extensions",
                "{\"requestedDue\":\"2030-06-30\",\"reason\":\"矩阵测试\"}").get("id").asText());
        ids.put("{arrangement}", "999999");
        ids.put("{application}", "999999");
    }

    private String openFiledCase(DemoApi township, long enforcer, long officer) throws Exception {
        String id = township.created("/api/cases", "{\"enterpriseId\":3,\"partyName\":\"矩阵测试企业\",\"partyType\":\"ORGANISATION\","
                + "\"matterCode\":\"AQF-102\",\"source\":\"HAZARD\",\"cause\":\"矩阵测试案\",\"handlerIds\":["
                + enforcer + "," + officer + "]}").get("id").asText();
        township.created("/api/cases/" + id + "/actions", "{\"action\":\"SUBMIT_FILING\",\"version\":0}");
        api.get(Role.APPROVER).created("/api/cases/" + id + "/actions", "{\"action\":\"APPROVE\",\"version\":1}");
        return id;
    }

    private static final byte[] PDF = cn.yjzf.casework.TestPdfs.onePage(0);

    private static String upload(DemoApi township, String caseId) throws Exception {
        String body = township.perform(multipart("/api/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", "矩阵.pdf", "application/pdf", PDF)))
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return DemoApi.JSON.readTree(body).get("id").asText();
    }

    /** Form fields of the case page's execution forms, so that a permitted role passes binding and reaches the service. */
    private static final Map<String, String> CASE_FORM = Map.ofEntries(Map.entry("reason", "矩阵测试"),
            Map.entry("version", "0"), Map.entry("approve", "false"), Map.entry("requestedDue", "2030-07-31"),
            Map.entry("servedOn", "2026-01-05"), Map.entry("content", "矩阵测试"), Map.entry("appliedOn", "2026-01-05"),
            Map.entry("court", "矩阵测试法院"), Map.entry("amount", "1"), Map.entry("paidOn", "2026-01-05"),
            Map.entry("result", "矩阵测试"), Map.entry("resultOn", "2026-01-05"), Map.entry("kind", "DEFERRAL"),
            Map.entry("plan", "2030-01-01 1"));

    private static String inspection(DemoApi township) throws Exception {
        return township.created("/api/inspections",
                "{\"enterpriseId\":3,\"inspectionDate\":\"2025-06-10\",\"place\":\"冷库\",\"officerIds\":[1,5,6]}")
                .get("id").asText();
    }

    @Test
    void theMatrixCoversEveryCaseResourceAndReleaseAction() throws IOException {
        assertThat(matrix()).extracting(Row::path).contains("/api/rectification-orders/{order}/pdf",
                "/rectification-orders/{order}/pdf", "/api/enterprises", "/api/inspections/{inspection}",
                "/rules/releases/{release}/approve");
        assertThat(matrix()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Role.class, names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"})
    void administratorsLandOnTheirOwnPages(Role role) throws Exception {
        org.springframework.test.web.servlet.MvcResult home = mvc.perform(request(HttpMethod.GET, "/")
                .with(user(users.loadUserByUsername(USERS.get(role))))).andReturn();
        assertThat(home.getResponse().getRedirectedUrl()).isEqualTo(role == Role.AUDIT_ADMIN ? "/audit" : "/admin");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Role.class, names = {"RULE_MAINTAINER"})
    void rolesWithoutCaseAccessLandOnAHomePageWithoutCases(Role role) throws Exception {
        org.springframework.test.web.servlet.MvcResult home = mvc.perform(request(HttpMethod.GET, "/")
                .with(user(users.loadUserByUsername(USERS.get(role))))).andReturn();
        assertThat(home.getResponse().getStatus()).isEqualTo(200);
        assertThat(home.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("暂无检查记录").doesNotContain("冷库").doesNotContain("href=\"/enterprises\"");
    }

    @ParameterizedTest(name = "{0}: {2} → {3}")
    @MethodSource("cells")
    void eachRoleGetsExactlyWhatTheMatrixSays(String resource, Row row, Role role, boolean allowed) throws Exception {
        String path = row.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        int status = send(row, path, role).getResponse().getStatus();
        if (allowed) {
            assertThat(status).as("%s %s as %s", row.method(), path, role).isNotIn(401, 403).isLessThan(500);
            if (row.method() == HttpMethod.GET) { // the fixtures lie in every reader's jurisdiction: a read succeeds
                assertThat(status).as("%s %s as %s", row.method(), path, role).isEqualTo(200);
            }
        } else {
            assertThat(status).as("%s %s as %s", row.method(), path, role).isEqualTo(403);
        }
    }

    private org.springframework.test.web.servlet.MvcResult send(Row row, String path, Role role) throws Exception {
        boolean evidenceUpload = row.method() == HttpMethod.POST && path.endsWith("/attachments");
        if (path.startsWith("/api/")) {
            MockHttpServletRequestBuilder r = evidenceUpload
                    ? multipart(path).file(new MockMultipartFile("file", "矩阵.pdf", "application/pdf", PDF))
                    : request(row.method(), path);
            String body = body(row);
            if (body != null) {
                r.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
            }
            return api.get(role).perform(r);
        }
        MockHttpServletRequestBuilder r = path.endsWith("/upload")
                ? multipart(path).file(new MockMultipartFile("file", "rules.zip", "application/zip", "not a zip".getBytes()))
                        .param("changeNote", "矩阵测试")
                : evidenceUpload ? multipart(path).file(new MockMultipartFile("file", "矩阵.pdf", "application/pdf", PDF))
                : request(row.method(), path);
        if (path.startsWith("/cases/") && row.method() == HttpMethod.POST) {
            CASE_FORM.forEach(r::param);
        }
        if (path.endsWith("/approve") || path.endsWith("/reject")) {
            r.param("version", "0").param("reason", "矩阵测试");
        }
        return mvc.perform(r.with(user(users.loadUserByUsername(USERS.get(role)))).with(csrf())).andReturn();
    }

    /** A valid body, so a refused role is refused for its role and not for its input. */
    private static String body(Row row) {
        return switch (row.method().name() + " " + row.path()) {
            case "POST /api/enterprises" -> {
                String code = String.format("91330100MC%07d", CODES.incrementAndGet());
                yield "{\"creditCode\":\"" + code + CreditCodes.checkCharacter(code) + "\",\"name\":\"矩阵测试企业\","
                        + "\"industry\":\"MACHINERY\",\"address\":\"测试路3号\",\"legalRepresentative\":\"刘某\"}";
            }
            case "POST /api/inspections" ->
                    "{\"enterpriseId\":3,\"inspectionDate\":\"2025-06-10\",\"place\":\"冷库\",\"officerIds\":[1,5,6]}";
            case "POST /api/inspections/{inspection}/findings" -> "{\"description\":\"矩阵测试发现\"}";
            // valid bodies that change nothing: a missing hazard (404), a stale version (409) on a 乡级 listing of 清溪镇
            case "POST /api/supervision/listings" -> "{\"trackId\":987654321,\"level\":\"CITY\",\"documentNo\":\"矩阵督2号\","
                    + "\"responsiblePerson\":\"吴某\",\"deadline\":\"" + BeijingDate.today().plusDays(60) + "\"}";
            case "POST /api/supervision/listings/{listing}/plan", "POST /api/supervision/listings/{listing}/extension",
                    "POST /api/supervision/listings/{listing}/extension-decision",
                    "POST /api/supervision/listings/{listing}/acceptance",
                    "POST /api/supervision/listings/{listing}/closure" -> "{\"version\":999}";
            case "PUT /api/inspections/{inspection}/findings/{finding}/grade" ->
                    "{\"grade\":\"GENERAL\",\"reason\":\"矩阵测试\",\"version\":0}";
            case "POST /api/inspections/{inspection}/rectification-order" ->
                    "{\"issueDate\":\"2025-06-10\",\"defaultDeadline\":\"2025-06-30\"}";
            case "POST /api/cases/{case}/documents" -> "{\"type\":\"INQUIRY_NOTICE\"}";
            case "POST /api/cases/{case}/documents/{casedoc}/supersede" -> "{\"reason\":\"矩阵测试更正\"}";
            case "POST /api/cases/{case}/hearing-schedule" -> "{\"hearingOn\":\"" + BeijingDate.today().plusDays(30)
                    + "\",\"startTime\":\"09:30\",\"place\":\"矩阵测试听证室\",\"chairId\":1}";
            case "POST /api/cases/{case}/documents/{casedoc}/service" ->
                    "{\"method\":\"DIRECT\",\"recipient\":\"矩阵测试\",\"place\":\"测试路3号\",\"servedOn\":\"2026-01-05\"}";
            case "POST /api/publications" -> "{\"caseId\":999999}";
            case "POST /api/publications/{publication}/withdrawal" -> "{\"reason\":\"矩阵测试\",\"version\":0}";
            case "POST /api/cases/{case}/case-file" -> "{}";
            case "POST /api/judgments" ->
                    "{\"findings\":[{\"id\":\"a\",\"industry\":\"建材\",\"inspectionDate\":\"2025-06-01\",\"answers\":{}}]}";
            case "POST /api/cases/{case}/attachments" -> null;
            case "POST /api/cases/{case}/attachments/{removable}/removal" -> "{\"reason\":\"矩阵测试\",\"version\":0}";
            case "POST /api/cases/{case}/deadline-extensions" -> "{\"requestedDue\":\"2030-07-31\",\"reason\":\"矩阵测试\"}";
            case "POST /api/cases/{case}/deadline-extensions/{extension}/decision",
                 "POST /api/cases/{case}/payment-arrangements/{arrangement}/decision" ->
                    "{\"approve\":false,\"version\":0,\"note\":\"矩阵测试\"}";
            case "POST /api/cases/{case}/payment-arrangements" -> "{\"kind\":\"DEFERRAL\",\"reason\":\"矩阵测试\","
                    + "\"appliedOn\":\"2026-01-05\",\"instalments\":[{\"dueOn\":\"2030-01-01\",\"amount\":1}]}";
            case "POST /api/cases/{case}/payment-arrangements/payments" -> "{\"amount\":1,\"paidOn\":\"2026-01-05\"}";
            case "POST /api/cases/{case}/enforcement-demands" -> "{\"servedOn\":\"2026-01-05\",\"content\":\"矩阵测试\"}";
            case "POST /api/cases/{case}/court-applications" -> "{\"appliedOn\":\"2026-01-05\",\"court\":\"矩阵测试法院\"}";
            case "POST /api/cases/{case}/court-applications/{application}/result" ->
                    "{\"result\":\"矩阵测试\",\"resultOn\":\"2026-01-05\",\"version\":0}";
            default -> {
                if (row.method() != HttpMethod.GET) {
                    throw new IllegalStateException("no body for " + row.method() + " " + row.path());
                }
                yield null;
            }
        };
    }
}

package cn.yjzf.hardening;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.yjzf.enterprise.CreditCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Walks every operation of the published OpenAPI document and every HTML form, sending a fixed corpus of bad input
 * (nulls, wrong types, huge and control-character strings, extreme numbers and dates, missing fields, malformed
 * JSON) as a user allowed to call it. Nothing may answer 5xx, and a rejected request must leave every table as it was.
 */
@DemoBureauTest
class BadInputTest {

    /** JSON values (raw text) put in place of each property of an otherwise valid body. */
    static final List<String> VALUE_CORPUS = List.of(
            "null", "true", "{}", "[]", "[null]", "[1,null]", "\"\"", "\"   \"",
            "\"" + "长".repeat(100_000) + "\"", "\"a\\u0000b\"", "\"\\u0007\\u001b[31m红\"", "\"名\\u202e称\"",
            "1e999999999", "-1", "0", "9.5", "-9223372036854775809", "99999999999999999999999", "9".repeat(200),
            "\"9.5\"", "\"1e999999999\"", "\"-1\"", "\"" + "9".repeat(200) + "\"", "\"abc\"",
            "\"0001-01-01\"", "\"1900-01-01\"", "\"2999-12-31\"", "\"+999999999-12-31\"", "\"2025-02-30\"",
            "{\"\":null}", "{\"a\\u0000\":\"b\"}", "{\"1\":\"0001-01-01\"}", "{\"abc\":\"2025-06-30\"}",
            "{\"99999999999\":\"2025-06-30\"}", "{\"1\":null}", "{\"GM-12-02-WORKERS\":\"1e999999999\"}");

    /** Whole request bodies that are not the expected JSON at all. */
    static final List<String> BODY_CORPUS = List.of("", "{", "null", "[]", "\"x\"", "1e999999999", "{\"a\":}",
            "[".repeat(5000), "{\"findings\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "\u0000");

    /** Path and query parameter values. */
    static final List<String> PARAM_CORPUS = List.of("abc", "99999999999999999999", "-1", "0", "1.5", "%00", "%20",
            "1e999999999", "%E2%80%AE", "x".repeat(5000));

    /** Form field values. */
    static final List<String> FORM_CORPUS = List.of("", "abc", "99999999999999999999", "-1", "9.5", "1e999999999",
            "9".repeat(200), "0001-01-01", "1900-01-01", "2999-12-31", "2025-02-30", "长".repeat(100_000), "a\u0000b",
            "\u0007\u001b[31m", "名\u202e称");

    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    DemoApi officer;
    long inspection;
    long findingId;
    long ungradedInspection;
    long orderId;
    long trackId;
    long listingId;

    @BeforeAll
    void fixtures() throws Exception {
        officer = new DemoApi(mvc, "officer");
        inspection = openInspection(3);
        findingId = officer.created("/api/inspections/" + inspection + "/findings",
                "{\"description\":\"冷库门口堆放杂物\"}").get("id").asLong();
        ungradedInspection = openInspection(3);
        officer.created("/api/inspections/" + ungradedInspection + "/findings", "{\"description\":\"未匹配的发现\"}");
        long issued = openInspection(1);
        officer.created("/api/inspections/" + issued + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        orderId = officer.created("/api/inspections/" + issued + "/rectification-order",
                "{\"issueDate\":\"2025-06-10\",\"defaultDeadline\":\"2025-06-30\"}").get("id").asLong();
        trackId = DemoApi.JSON.readTree(officer.perform(get("/api/rectification-orders/" + orderId + "/items"))
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).get(0).get("id").asLong();
        listingId = new DemoApi(mvc, "approver").created("/api/supervision/listings", "{\"trackId\":" + trackId
                + ",\"level\":\"CITY\",\"documentNo\":\"坏输入督1号\",\"responsiblePerson\":\"刘某\",\"deadline\":\""
                + BeijingDate.today().plusDays(60) + "\"}").get("id").asLong();
        caseId = openCase();
    }

    long caseId;

    /** A penalty case under investigation handled by officer and officer2, for the case page's execution forms. */
    private long openCase() throws Exception {
        long a = ((cn.yjzf.organisation.CurrentUser) users.loadUserByUsername("officer")).id();
        long b = ((cn.yjzf.organisation.CurrentUser) users.loadUserByUsername("officer2")).id();
        long id = officer.created("/api/cases", "{\"partyName\":\"坏输入测试企业\",\"partyType\":\"ORGANISATION\","
                + "\"matterCode\":\"AQF-102\",\"source\":\"HAZARD\",\"cause\":\"坏输入测试案\",\"handlerIds\":["
                + a + "," + b + "]}").get("id").asLong();
        officer.created("/api/cases/" + id + "/actions", "{\"action\":\"SUBMIT_FILING\",\"version\":0}");
        new DemoApi(mvc, "approver").created("/api/cases/" + id + "/actions", "{\"action\":\"APPROVE\",\"version\":1}");
        return id;
    }

    private long openInspection(long enterpriseId) throws Exception {
        return officer.created("/api/inspections", "{\"enterpriseId\":" + enterpriseId
                + ",\"inspectionDate\":\"2025-06-10\",\"place\":\"车间\",\"officerIds\":[1,2]}").get("id").asLong();
    }

    /** Valid bodies per request schema, so each mutation is the only thing wrong with a request. */
    private Map<String, Supplier<String>> validBodies() {
        return Map.of(
                "NewEnterprise", () -> "{\"creditCode\":\"" + freshCreditCode() + "\",\"name\":\"坏输入测试企业\","
                        + "\"industry\":\"MACHINERY\",\"address\":\"测试路1号\",\"legalRepresentative\":\"刘某\"}",
                "NewInspection", () -> "{\"enterpriseId\":3,\"inspectionDate\":\"2025-06-10\",\"place\":\"冷库\",\"officerIds\":[1,2]}",
                "NewFinding", () -> "{\"checklistGroup\":\"GM-12-02\",\"answers\":{\"GM-12-02-SEPARATE\":\"是\","
                        + "\"GM-12-02-WORKERS\":\"3\"},\"description\":\"快速冻结间作业人员\",\"location\":\"冷库\"}",
                "ManualGrade", () -> "{\"grade\":\"GENERAL\",\"reason\":\"人工判定理由\",\"version\":0}",
                "IssueOrder", () -> "{\"issueDate\":\"2025-06-10\",\"defaultDeadline\":\"2025-06-30\",\"deadlines\":{\"1\":\"2025-06-30\"}}",
                "NewListing", () -> "{\"trackId\":" + trackId + ",\"level\":\"CITY\",\"documentNo\":\"督2号\","
                        + "\"responsiblePerson\":\"刘某\",\"deadline\":\"2030-01-01\",\"funds\":1000.5,"
                        + "\"filedOn\":\"2025-06-10\",\"publishedOn\":\"2025-06-10\"}",
                "ListingAction", () -> "{\"version\":0,\"note\":\"说明\",\"plan\":{\"RESPONSIBILITY\":\"责任\","
                        + "\"MEASURES\":\"措施\",\"TIME_LIMIT\":\"时限\",\"FUNDS\":\"资金\",\"CONTINGENCY\":\"预案\"},"
                        + "\"funds\":1,\"until\":\"2030-06-01\",\"approve\":false,\"passed\":false}",
                "Request", () -> "{\"findings\":[{\"id\":\"a\",\"industry\":\"建材\",\"inspectionDate\":\"2025-06-01\","
                        + "\"answers\":{\"GM-06-06-GAS\":\"未设置\"}}]}");
    }

    private static String freshCreditCode() {
        String body = String.format("91330100MB%07d", CODES.incrementAndGet());
        return body + CreditCodes.checkCharacter(body);
    }

    /** Fixture ids for the path variables, by the resource the path names. */
    private String fill(String path) {
        long id = path.startsWith("/api/enterprises") ? 1 : path.startsWith("/api/rectification-orders") ? orderId
                : path.startsWith("/api/supervision/listings") ? listingId
                : path.startsWith("/api/findings") ? findingId
                : path.endsWith("rectification-order") ? ungradedInspection : inspection;
        return path.replace("{id}", String.valueOf(id)).replace("{inspectionId}", String.valueOf(id))
                .replace("{findingId}", String.valueOf(findingId))
                .replaceAll("\\{year}", "2026").replaceAll("\\{[^}]+}", "1"); // other features' variables
    }

    record Probe(String what, MockHttpServletRequestBuilder request) {
    }

    @Test
    void everyApiOperationAnswersBadInputWithoutA5xxAndSavesNothing() throws Exception {
        JsonNode docs = DemoApi.JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<Probe> probes = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations++;
                List<Probe> added = probes(docs, p.getKey(), HttpMethod.valueOf(op.getKey().toUpperCase()), op.getValue());
                String byPath = ownerOf(p.getKey()); // named exceptions first, then the handler's own role check
                String owner = !byPath.equals("officer") ? byPath
                        : handlerRoleUser(op.getKey().toUpperCase(), p.getKey()).orElse(byPath);
                added.forEach(probe -> owners.put(probe.request(), owner));
                probes.addAll(added);
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThanOrEqualTo(11);
        Map<String, DemoApi> apis = new HashMap<>();
        for (String user : new java.util.HashSet<>(owners.values())) {
            apis.put(user, new DemoApi(mvc, user));
        }
        List<String> failures = send(probes, r -> apis.getOrDefault(owners.get(r), officer).perform(r));
        assertThat(failures).as("of %d probes", probes.size()).isEmpty();
        assertThat(probes.size()).isGreaterThan(500);
    }

    private List<Probe> probes(JsonNode docs, String path, HttpMethod method, JsonNode op) {
        List<Probe> probes = new ArrayList<>();
        String url = fill(path);
        probes.add(new Probe(method + " " + url, json(method, url, null)));
        for (String param : pathParams(path)) {
            for (String bad : PARAM_CORPUS) {
                String badUrl = fill(path.replace("{" + param + "}", bad));
                probes.add(new Probe(method + " " + badUrl, json(method, badUrl, bodyFor(docs, op))));
            }
        }
        for (JsonNode param : op.path("parameters")) {
            if ("query".equals(param.path("in").asText())) {
                for (String bad : PARAM_CORPUS) {
                    String q = url + "?" + param.get("name").asText() + "=" + bad;
                    probes.add(new Probe(method + " " + q, json(method, q, null)));
                }
            }
        }
        if (op.has("requestBody")) {
            for (String body : BODY_CORPUS) {
                probes.add(new Probe(method + " " + url + " body " + abbreviate(body), json(method, url, body)));
            }
            JsonNode schema = resolve(docs, op.at("/requestBody/content/application~1json/schema"));
            String name = schemaName(op.at("/requestBody/content/application~1json/schema"));
            Supplier<String> valid = validBodies().getOrDefault(name, () -> example(docs, schema).toString());
            for (String property : propertyPaths(docs, schema, "")) {
                probes.add(new Probe(method + " " + url + " without " + property,
                        json(method, url, mutate(valid.get(), property, null))));
                for (String value : VALUE_CORPUS) {
                    probes.add(new Probe(method + " " + url + " " + property + "=" + abbreviate(value),
                            json(method, url, mutate(valid.get(), property, value))));
                }
            }
        }
        return probes;
    }

    private static MockHttpServletRequestBuilder json(HttpMethod method, String url, String body) {
        MockHttpServletRequestBuilder r = request(method, URI.create(url));
        return body == null ? r : r.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> pathParams(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String schemaName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        return schema.has("$ref") ? docs.at("/components/schemas/" + schemaName(schema)) : schema;
    }

    /** "name", "findings[0].industry": the object properties of a schema, one level into arrays of objects. */
    private static List<String> propertyPaths(JsonNode docs, JsonNode schema, String prefix) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            paths.add(prefix + p.getKey());
            JsonNode items = resolve(docs, p.getValue().path("items"));
            if (prefix.isEmpty() && items.has("properties")) {
                paths.addAll(propertyPaths(docs, items, p.getKey() + "[0]."));
            }
        }
        return paths;
    }

    /** A plausible instance of a schema without a hand-written valid body. */
    private static JsonNode example(JsonNode docs, JsonNode schema) {
        schema = resolve(docs, schema);
        ObjectNode o = DemoApi.JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode s = resolve(docs, p.getValue());
            switch (s.path("type").asText("object")) {
                case "integer", "number" -> o.put(p.getKey(), 1);
                case "boolean" -> o.put(p.getKey(), true);
                case "array" -> o.putArray(p.getKey()).add(example(docs, s.path("items")));
                case "string" -> o.put(p.getKey(), s.has("enum") ? s.get("enum").get(0).asText()
                        : "date".equals(s.path("format").asText()) ? "2025-06-10" : "测试");
                default -> o.set(p.getKey(), example(docs, s));
            }
        }
        return o;
    }

    /** The valid body with one property (possibly inside findings[0]) set to raw JSON, or removed when null. */
    private static String mutate(String valid, String property, String raw) {
        try {
            ObjectNode root = (ObjectNode) DemoApi.JSON.readTree(valid);
            ObjectNode target = root;
            String name = property;
            int dot = property.indexOf("[0].");
            if (dot > 0) {
                JsonNode array = root.path(property.substring(0, dot));
                if (!(array instanceof ArrayNode a) || a.isEmpty() || !(a.get(0) instanceof ObjectNode first)) {
                    return valid;
                }
                target = first;
                name = property.substring(dot + 4);
            }
            if (raw == null) {
                target.remove(name);
            } else {
                target.putRawValue(name, new RawValue(raw));
            }
            return DemoApi.JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who may call an operation: its bodies are probed by a role that passes the role check, not only by an officer. */
    private final Map<MockHttpServletRequestBuilder, String> owners = new java.util.IdentityHashMap<>();

    private static String ownerOf(String path) {
        if (path.startsWith("/api/admin") || path.startsWith("/api/calendar")) {
            return "sysadmin";
        }
        if (path.startsWith("/api/audit")) {
            return "auditor";
        }
        if (path.startsWith("/api/publications")) {
            return "approver";
        }
        if (path.startsWith("/api/discretion-tables")) {
            return path.endsWith("/approve") || path.endsWith("/reject") ? "reviewer" : "maintainer";
        }
        return path.endsWith("/extension-decision") || path.endsWith("/closure") || path.equals("/api/supervision/listings")
                ? "approver" : "officer";
    }

    interface Sender {
        MvcResult send(MockHttpServletRequestBuilder request) throws Exception;
    }

    /** Sends each probe; a 5xx, or a refused request that changed any row count, is a failure. */
    private List<String> send(List<Probe> probes, Sender sender) throws Exception {
        List<String> failures = new ArrayList<>();
        RowCounts before = RowCounts.of(jdbc);
        for (Probe p : probes) {
            MvcResult r;
            try {
                r = sender.send(p.request());
            } catch (Exception unhandled) { // MockMvc rethrows what a real server would answer with a 500
                failures.add(p.what() + " → unhandled " + unhandled.getCause());
                before = RowCounts.of(jdbc);
                continue;
            }
            int status = r.getResponse().getStatus();
            String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
            RowCounts after = RowCounts.of(jdbc);
            boolean api = r.getRequest().getRequestURI().startsWith("/api/");
            boolean read = "GET".equals(r.getRequest().getMethod());
            boolean accepted = api || read ? status < 300
                    : status >= 300 && status < 400 && r.getFlashMap().get("errors") == null;
            if (status >= 500) {
                failures.add(p.what() + " → " + status + " " + abbreviate(body));
            } else if (body.contains("Exception") || body.contains("\tat ")) {
                failures.add(p.what() + " leaks internals: " + abbreviate(body));
            } else if (!accepted && !before.equals(after)) {
                failures.add(p.what() + " → " + status + " was refused but changed " + diff(before, after));
            }
            before = accepted ? settled() : after;
        }
        return failures;
    }

    /** Counts once an accepted submission's asynchronous rule validation has finished, so it is not blamed on the next probe. */
    private RowCounts settled() throws InterruptedException {
        for (int i = 0; i < 600 && jdbc.queryForObject(
                "SELECT COUNT(*) FROM rule_release WHERE status = 'SUBMITTED'", Long.class) > 0; i++) {
            Thread.sleep(100);
        }
        return RowCounts.of(jdbc);
    }

    private static String diff(RowCounts a, RowCounts b) {
        Map<String, String> d = new LinkedHashMap<>();
        a.counts().forEach((k, v) -> {
            if (!v.equals(b.counts().get(k))) {
                d.put(k, v + "→" + b.counts().get(k));
            }
        });
        return d.toString();
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "¿");
        return flat.length() > 120 ? flat.substring(0, 120) + "…(" + s.length() + ")" : flat;
    }

    private String bodyFor(JsonNode docs, JsonNode op) {
        if (!op.has("requestBody")) {
            return null;
        }
        String name = schemaName(op.at("/requestBody/content/application~1json/schema"));
        return validBodies().getOrDefault(name, () -> "{}").get();
    }

    // ---- HTML forms -------------------------------------------------------------------------------------------

    record Form(String url, String username, Map<String, String> valid, List<String> corpus) {
    }

    private List<Form> forms() {
        Map<String, String> enterprise = new LinkedHashMap<>(Map.of("name", "表单测试企业", "industry", "MACHINERY",
                "address", "测试路2号", "legalRepresentative", "刘某", "townshipId", "1", "flags", "CONFINED_SPACE",
                "majorHazardSourceLevel", "2"));
        enterprise.put("creditCode", freshCreditCode());
        String c = "/cases/" + caseId;
        return List.of(
                new Form(c + "/deadline-extensions", "officer", Map.of("requestedDue", "2030-06-30", "reason", "坏输入测试"), FORM_CORPUS),
                new Form(c + "/deadline-extensions/999999/decision", "approver", Map.of("approve", "true", "version", "0",
                        "note", "同意"), FORM_CORPUS),
                new Form(c + "/payment-arrangements", "officer", Map.of("kind", "INSTALMENTS", "reason", "经济困难",
                        "appliedOn", "2026-01-05", "plan", "2030-01-01 1\n2030-02-01 1"), FORM_CORPUS),
                new Form(c + "/payment-arrangements/999999/decision", "approver", Map.of("approve", "false", "version", "0"),
                        FORM_CORPUS),
                new Form(c + "/payment-arrangements/payments", "officer", Map.of("amount", "1", "paidOn", "2026-01-05"), FORM_CORPUS),
                new Form(c + "/enforcement-demands", "officer", Map.of("servedOn", "2026-01-05", "content", "催告"), FORM_CORPUS),
                new Form(c + "/court-applications", "officer", Map.of("appliedOn", "2026-01-05", "court", "江城区人民法院"), FORM_CORPUS),
                new Form(c + "/court-applications/999999/result", "officer", Map.of("result", "准予执行", "resultOn", "2026-01-05",
                        "version", "0"), FORM_CORPUS),
                new Form(c + "/attachments/999999/remove", "officer", Map.of("reason", "误传", "version", "0"), FORM_CORPUS),
                new Form(c + "/hearing-schedule", "officer", Map.of("hearingOn", "2030-06-30", "startTime", "09:30",
                        "place", "听证室", "chairId", "1"), FORM_CORPUS),
                new Form(c + "/documents/999999/service", "officer", Map.of("method", "DIRECT", "recipient", "刘某",
                        "place", "测试路1号", "servedOn", "2026-01-05"), FORM_CORPUS),
                new Form("/enterprises", "officer", enterprise, FORM_CORPUS),
                new Form("/inspections", "officer", Map.of("enterpriseId", "3", "inspectionDate", "2025-06-10",
                        "place", "冷库", "officerIds", "1,2"), FORM_CORPUS),
                new Form("/inspections/" + inspection + "/findings", "officer", Map.of("checklistGroup", "GM-12-02",
                        "answers[GM-12-02-SEPARATE]", "是", "answers[GM-12-02-WORKERS]", "3", "description", "作业人员过多",
                        "location", "冷库"), FORM_CORPUS),
                new Form("/inspections/" + inspection + "/checklist", "officer", Map.of(
                        "answers[GM-12-02][GM-12-02-SEPARATE]", "否", "answers[GM-12-02][GM-12-02-WORKERS]", "3"), FORM_CORPUS),
                new Form("/inspections/" + inspection + "/findings/" + findingId + "/grade", "officer", Map.of(
                        "grade", "GENERAL", "reason", "人工判定", "version", "0"), FORM_CORPUS),
                new Form("/inspections/" + ungradedInspection + "/rectification-order", "officer", Map.of(
                        "issueDate", "2025-06-10", "defaultDeadline", "2025-06-30", "deadline_1", "2025-06-30",
                        "deadline_abc", "2025-06-30"), FORM_CORPUS),
                new Form("/supervision/listings", "approver", Map.of("trackId", String.valueOf(trackId), "level", "CITY",
                        "documentNo", "督3号", "responsiblePerson", "刘某", "deadline", "2030-01-01", "funds", "100"), FORM_CORPUS),
                new Form("/supervision/listings/" + listingId + "/plan", "officer", Map.of("version", "0",
                        "plan_RESPONSIBILITY", "责任", "plan_MEASURES", "措施", "plan_TIME_LIMIT", "时限", "plan_FUNDS", "资金",
                        "plan_CONTINGENCY", "预案"), FORM_CORPUS),
                // a valid change note would submit a release: only refusable values here
                new Form("/rules/releases", "maintainer", Map.of("changeNote", "长".repeat(3000)),
                        List.of("", "a\u0000b", "长".repeat(100_000), "\u0007")),
                new Form("/rules/releases/999999/approve", "reviewer", Map.of("version", "0", "note", "同意"), FORM_CORPUS),
                new Form("/rules/releases/999999/reject", "reviewer", Map.of("version", "0", "reason", "驳回"), FORM_CORPUS),
                new Form("/cases/999999/documents", "officer", Map.of("type", "INQUIRY_NOTICE"), FORM_CORPUS),
                new Form("/cases/999999/documents/999999/supersede", "officer", Map.of("reason", "更正"), FORM_CORPUS),
                new Form("/publication/publish", "approver", Map.of("caseId", "999999"), FORM_CORPUS),
                new Form("/publication/999999/withdraw", "approver", Map.of("version", "0", "reason", "撤回"), FORM_CORPUS));

    }

    // ---- every page handler, discovered -------------------------------------------------------------------------

    /** A demo user holding each role, to send a probe as someone who passes the handler's role check. */
    private static final Map<String, String> USER_OF_ROLE = Map.of("OFFICER", "officer", "TOWNSHIP_ENFORCER", "township",
            "LEGAL_REVIEWER", "reviewer", "APPROVER", "approver", "UNIT_HEAD", "unithead", "RULE_MAINTAINER", "maintainer",
            "SYSTEM_ADMIN", "sysadmin", "SECURITY_ADMIN", "secadmin", "AUDIT_ADMIN", "auditor");

    /** Ids no fixture has, plus malformed ones: binding and conversion run before any lookup. */
    private static final List<String> PAGE_PATH_CORPUS = List.of("999999", "abc", "-1", "99999999999999999999");

    /**
     * The hand-written form list above knows valid values; this walk needs none. It discovers every page handler (all
     * mappings outside {@code /api}, so new pages are covered the day they are added) and sends malformed ids, then
     * each field the handler binds with each bad value while the others are absent — as a user who passes the
     * handler's role check, so the probe reaches binding and validation.
     */
    @Test
    void everyPageHandlerAnswersBadIdsAndFieldsWithoutA5xx() throws Exception {
        List<Probe> probes = new ArrayList<>();
        Map<MockHttpServletRequestBuilder, String> usernames = new java.util.IdentityHashMap<>();
        int handlers = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            boolean json = e.getKey().getConsumesCondition().getConsumableMediaTypes().contains(MediaType.APPLICATION_JSON);
            for (String pattern : e.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/v3/") || pattern.startsWith("/swagger")
                        || pattern.startsWith("/error") || pattern.startsWith("/actuator")) {
                    continue;
                }
                String user = roleUser(e.getValue()).orElse("officer");
                List<String> fields = boundFields(e.getValue());
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (m != RequestMethod.GET && m != RequestMethod.POST) {
                        continue;
                    }
                    handlers++;
                    boolean post = m == RequestMethod.POST;
                    List<String> urls = pattern.contains("{")
                            ? PAGE_PATH_CORPUS.stream().map(bad -> pattern.replaceAll("\\{[^}]+}", bad)).toList()
                            : List.of(pattern);
                    for (String url : urls) {
                        add(probes, usernames, user, m + " " + url, page(post, url, json, Map.of()));
                    }
                    String url = urls.get(0);
                    if (json) {
                        for (String body : BODY_CORPUS) {
                            add(probes, usernames, user, m + " " + url + " body " + abbreviate(body),
                                    post(URI.create(url)).contentType(MediaType.APPLICATION_JSON).content(body));
                        }
                        continue;
                    }
                    for (String field : fields) {
                        for (String value : post ? FORM_CORPUS : PARAM_CORPUS) {
                            add(probes, usernames, user, m + " " + url + " " + field + "=" + abbreviate(value),
                                    page(post, url, false, Map.of(field, value)));
                        }
                    }
                }
            }
        }
        assertThat(handlers).as("page handlers discovered").isGreaterThan(40);
        List<String> failures = send(probes, r -> {
            UserDetails u = users.loadUserByUsername(usernames.get(r));
            return mvc.perform(r.with(user(u)).with(csrf())).andReturn();
        });
        assertThat(failures).as("of %d page probes over %d handlers", probes.size(), handlers).isEmpty();
    }

    private static void add(List<Probe> probes, Map<MockHttpServletRequestBuilder, String> usernames, String user,
                            String what, MockHttpServletRequestBuilder r) {
        usernames.put(r, user);
        probes.add(new Probe(what, r));
    }

    private static MockHttpServletRequestBuilder page(boolean post, String url, boolean json, Map<String, String> fields) {
        MockHttpServletRequestBuilder r = post
                ? post(URI.create(url)).contentType(json ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
                : get(URI.create(url));
        if (json) {
            r.content("{}");
        }
        fields.forEach(r::param);
        return r;
    }

    /** The request parameters and form-object properties a handler binds (not path variables, principals, bodies). */
    private static List<String> boundFields(HandlerMethod handler) {
        Set<String> fields = new LinkedHashSet<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = p.getParameterType();
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                String name = !rp.name().isEmpty() ? rp.name() : p.getParameterName();
                if (name != null && !Map.class.isAssignableFrom(type)) {
                    fields.add(name);
                }
                continue;
            }
            if (p.hasParameterAnnotation(PathVariable.class) || p.hasParameterAnnotation(AuthenticationPrincipal.class)
                    || p.hasParameterAnnotation(RequestBody.class) || BeanUtils.isSimpleProperty(type)
                    || type.getName().matches("^(java|jakarta|org\\.springframework)\\..*")) {
                continue;
            }
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    fields.add(c.getName());
                }
            } else {
                for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
                    if (d.getWriteMethod() != null) {
                        fields.add(d.getName());
                    }
                }
            }
        }
        return List.copyOf(fields);
    }

    /** A demo user with the first role the handler's {@code @PreAuthorize} names (officer when it names OFFICER). */
    private static java.util.Optional<String> roleUser(HandlerMethod handler) {
        PreAuthorize check = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (check == null) {
            check = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (check == null) {
            return java.util.Optional.empty();
        }
        List<String> roles = new ArrayList<>();
        Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(check.value());
        while (m.find()) {
            roles.add(m.group(1));
        }
        return roles.contains("OFFICER") ? java.util.Optional.of("officer")
                : roles.stream().map(USER_OF_ROLE::get).filter(java.util.Objects::nonNull).findFirst();
    }

    /** The user for an OpenAPI operation, from the role check on the handler that serves it. */
    private java.util.Optional<String> handlerRoleUser(String method, String path) {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getPatternValues().contains(path)
                        && (e.getKey().getMethodsCondition().getMethods().isEmpty()
                        || e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.valueOf(method))))
                .findFirst().flatMap(e -> roleUser(e.getValue()));
    }

    @Test
    void everyFormAnswersBadInputWithoutA5xxAndSavesNothing() throws Exception {
        List<Probe> probes = new ArrayList<>();
        Map<MockHttpServletRequestBuilder, String> usernames = new java.util.IdentityHashMap<>();
        for (Form f : forms()) {
            List<Map<String, String>> variants = new ArrayList<>();
            variants.add(f.valid());
            for (String field : f.valid().keySet()) {
                Map<String, String> without = new LinkedHashMap<>(f.valid());
                without.remove(field);
                variants.add(without);
                for (String value : f.corpus()) {
                    Map<String, String> changed = new LinkedHashMap<>(f.valid());
                    changed.put(field, value);
                    variants.add(changed);
                }
            }
            for (String extra : List.of("deadline_99999999999", "deadline_-1", "answers[x\u0000]", "answers[a][b][c]",
                    "officerIds")) {
                Map<String, String> changed = new LinkedHashMap<>(f.valid());
                changed.put(extra, extra.equals("officerIds") ? "abc" : "2025-06-30");
                variants.add(changed);
            }
            for (Map<String, String> v : variants) {
                if (f.valid().get("creditCode") != null && f.valid().get("creditCode").equals(v.get("creditCode"))) {
                    v.put("creditCode", freshCreditCode()); // each accepted registration needs its own code
                }
                MockHttpServletRequestBuilder r = post(f.url()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
                v.forEach(r::param);
                usernames.put(r, f.username());
                probes.add(new Probe("POST " + f.url() + " " + abbreviate(v.toString()), r));
            }
        }
        for (String bad : PARAM_CORPUS) {
            MockHttpServletRequestBuilder r = get(URI.create("/inspections/new?enterpriseId=" + bad));
            usernames.put(r, "officer");
            probes.add(new Probe("GET /inspections/new?enterpriseId=" + bad, r));
        }
        MockHttpServletRequestBuilder missing = get("/inspections/new");
        usernames.put(missing, "officer");
        probes.add(new Probe("GET /inspections/new without enterpriseId", missing));
        for (String body : BODY_CORPUS) {
            MockHttpServletRequestBuilder r = post("/inspections/" + inspection + "/checklist/preview")
                    .contentType(MediaType.APPLICATION_JSON).content(body);
            usernames.put(r, "officer");
            probes.add(new Probe("POST preview " + abbreviate(body), r));
        }

        List<String> failures = send(probes, r -> {
            UserDetails u = users.loadUserByUsername(usernames.get(r));
            return mvc.perform(r.with(user(u)).with(csrf())).andReturn();
        });
        assertThat(failures).as("of %d form probes", probes.size()).isEmpty();
        assertThat(probes.size()).isGreaterThan(400);
    }
}

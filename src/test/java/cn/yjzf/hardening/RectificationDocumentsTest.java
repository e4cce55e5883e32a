package cn.yjzf.hardening;

import cn.yjzf.BeijingDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.rectification.RectificationDocument;
import cn.yjzf.rectification.RectificationDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The documents that follow an order: a 现场处理措施决定书 when 第六十五条 measures are ordered and a 整改复查意见书 for each
 * re-inspection, numbered consecutively, stored with PDF, SHA-256 and snapshot, audited, scoped, nothing issued for a
 * refused step.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:rectdocs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class RectificationDocumentsTest {

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    @Autowired RectificationDocuments documents;
    @Autowired AuditTrail audit;

    DemoApi officer;

    /** An order for one major hazard (燃气配气间 without gas alarm) of 江城南方水泥, issued today; its only item. */
    private JsonNode majorItem(LocalDate deadline) throws Exception {
        officer = new DemoApi(mvc, "officer");
        String inspection = officer.created("/api/inspections", "{\"enterpriseId\":1,\"inspectionDate\":\"" + BeijingDate.today()
                + "\",\"place\":\"燃气配气间\",\"officerIds\":[1,2]}").get("id").asText();
        officer.created("/api/inspections/" + inspection + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"配气间未设报警\"}");
        String order = officer.created("/api/inspections/" + inspection + "/rectification-order", "{\"issueDate\":\""
                + BeijingDate.today() + "\",\"defaultDeadline\":\"" + deadline + "\"}").get("id").asText();
        return RectificationLifecycleTest.json(officer.perform(get("/api/rectification-orders/" + order + "/items"))).get(0);
    }

    private MvcResult step(JsonNode item, String action, String fields) throws Exception {
        return officer.postJson("/api/rectification-items/" + item.get("id").asText() + "/" + action,
                "{\"version\":" + item.get("version").asLong() + "," + fields + "}");
    }

    private static JsonNode ok(MvcResult r) throws Exception {
        assertThat(r.getResponse().getStatus()).as(RectificationLifecycleTest.body(r)).isEqualTo(200);
        return RectificationLifecycleTest.json(r);
    }

    @Test
    void measuresAndEachReinspectionIssueANumberedStoredAuditedDocument() throws Exception {
        LocalDate deadline = BeijingDate.today().plusDays(30);
        JsonNode item = majorItem(deadline);
        String order = item.get("orderId").asText();
        item = ok(step(item, "site-measures", "\"measures\":[\"SUSPEND_OPERATIONS\"],\"note\":\"煤磨车间停产\""));
        assertThat(officer.postJson("/api/rectification-items/" + item.get("id").asText() + "/reinspection-request", "{\"version\":0}").getResponse().getStatus())
                .as("a stale version issues nothing").isEqualTo(409);
        item = ok(step(item, "reinspection-request", "\"note\":\"已加装报警装置\""));
        item = ok(step(item, "reinspection", "\"passed\":false,\"note\":\"报警装置未联网\",\"newDeadline\":\""
                + deadline.plusDays(15) + "\""));
        item = ok(step(item, "reinspection-request", "\"note\":\"已联网\""));
        ok(step(item, "reinspection", "\"passed\":true,\"note\":\"复查合格\""));

        JsonNode issued = RectificationLifecycleTest.json(officer.perform(get("/api/rectification-orders/" + order + "/documents")));
        assertThat(issued).hasSize(3);
        assertThat(issued.get(0).get("type").asText()).isEqualTo("SITE_MEASURES_DECISION");
        assertThat(issued.get(0).get("documentNo").asText()).matches("江应急现决〔\\d{4}〕\\d+号");
        String first = issued.get(1).get("documentNo").asText();
        String second = issued.get(2).get("documentNo").asText();
        assertThat(first).matches("江应急复查〔\\d{4}〕\\d+号");
        assertThat(serial(second)).as("consecutive, nothing skipped").isEqualTo(serial(first) + 1);

        String measures = text(pdf(issued.get(0)));
        assertThat(measures).contains("现场处理措施决定书").contains("《中华人民共和国安全生产法》第六十五条第一款第（三）项")
                .contains("暂时停产停业").contains("煤磨车间停产").contains("六十日内申请行政复议")
                .contains("六个月内依法向人民法院提起行政诉讼").contains("本决定不停止执行").contains("经审查同意，方可恢复生产经营和使用");
        String failed = text(pdf(issued.get(1)));
        assertThat(failed).contains("整改复查意见书").contains("复查不合格").contains("报警装置未联网")
                .contains(deadline.plusDays(15).getYear() + "年" + deadline.plusDays(15).getMonthValue() + "月")
                .contains("整改期间，你单位应当采取措施，确保安全");
        assertThat(text(pdf(issued.get(2)))).contains("复查合格").doesNotContain("复查不合格");

        for (JsonNode d : issued) {
            byte[] pdf = pdf(d);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
                    .isEqualTo(d.get("sha256").asText());
            assertThat(audit.of("RectificationDocument", d.get("id").asLong())).singleElement()
                    .satisfies(e -> assertThat(e.getAction()).isEqualTo("RECTIFICATION_DOCUMENT_ISSUED"));
            RectificationDocument stored = documents.get(((cn.yjzf.organisation.CurrentUser) users.loadUserByUsername("officer")).jurisdiction(), d.get("id").asLong());
            assertThat(text(documents.rerender(stored))).as("re-rendered from the snapshot").isEqualTo(text(pdf));
        }
        // 清溪镇's enforcer: the same 404 as a missing document
        DemoApi township = new DemoApi(mvc, "township");
        assertThat(township.perform(get("/api/rectification-documents/" + issued.get(0).get("id").asText() + "/pdf"))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(township.perform(get("/api/rectification-documents/99999999/pdf")).getResponse().getStatus()).isEqualTo(404);
    }

    private byte[] pdf(JsonNode d) throws Exception {
        MvcResult r = officer.perform(get("/api/rectification-documents/" + d.get("id").asText() + "/pdf"));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsByteArray();
    }

    private static int serial(String no) {
        return Integer.parseInt(no.replaceAll(".*〕(\\d+)号", "$1"));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }
}

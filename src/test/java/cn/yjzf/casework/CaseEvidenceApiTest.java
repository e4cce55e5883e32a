package cn.yjzf.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yjzf.audit.AuditEvent;
import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.organisation.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Evidence attachments through the API and the case page: type by content, limits, download headers, scope, audit. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:caseevidence;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false", "app.casework.attachments.max-size=64KB"})
@AutoConfigureMockMvc
class CaseEvidenceApiTest {

    static final byte[] PDF = TestPdfs.onePage(0);

    @Autowired MockMvc mvc;
    @Autowired CaseFixtures fx;
    @Autowired CaseworkService service;
    @Autowired CaseEvidence evidence;
    @Autowired AuditTrail audit;
    @Autowired ObjectMapper json;

    private PenaltyCase investigating(CaseFixtures.Office o) {
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), CaseWorkflowTest.MATTER));
        c = service.perform(o.officer(), c.getId(), CaseWorkflowTest.cmd(Action.SUBMIT_FILING, c));
        return service.perform(o.approver(), c.getId(), CaseWorkflowTest.on(Action.APPROVE, c, CaseWorkflowTest.FILED));
    }

    private ResultActions upload(CurrentUser u, Long caseId, String name, String declaredType, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", name, declaredType, bytes)).with(httpBasic(u.username(), "x")));
    }

    static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A PNG signature and header declaring a 100000 × 100000 canvas, with almost no data: a decompression bomb. */
    static byte[] pngBomb() {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    @Test
    void photosAndPdfsAreStoredWithTheirHashAndDownloadedAsAttachmentsWhileOtherTypesAreRefused() throws Exception {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = investigating(o);
        byte[] photo = png(40, 30);
        JsonNode p = json.readTree(upload(o.officer(), c.getId(), "现场照片.png", "image/png", photo)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.mediaType").value("image/png"))
                .andExpect(jsonPath("$.width").value(40)).andExpect(jsonPath("$.height").value(30))
                .andReturn().getResponse().getContentAsString());
        assertThat(p.get("sha256").asText()).isEqualTo(AttachmentInspector.sha256(photo));
        // the name and the declared type do not decide the type: the bytes do
        upload(o.officer(), c.getId(), "检测报告.jpg", "image/jpeg", PDF).andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType").value("application/pdf"));
        upload(o.officer(), c.getId(), "图.svg", "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("UNSUPPORTED_FILE_TYPE"));
        upload(o.officer(), c.getId(), "photo.png", "image/png", "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("UNSUPPORTED_FILE_TYPE"));
        upload(o.officer(), c.getId(), "bomb.png", "image/png", pngBomb())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("IMAGE_TOO_LARGE"));
        upload(o.officer(), c.getId(), "broken.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2})
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("UNREADABLE_IMAGE"));
        // a PDF by its first bytes that does not open: it would stop the 案卷 from binding
        upload(o.officer(), c.getId(), "坏报告.pdf", "application/pdf", "%PDF-1.4 garbage".getBytes(StandardCharsets.US_ASCII))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("UNREADABLE_PDF"));
        byte[] big = new byte[70 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(o.officer(), c.getId(), "big.pdf", "application/pdf", big)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("FILE_TOO_LARGE"));
        assertThat(evidence.list(o.officer(), c.getId())).hasSize(2);

        byte[] body = mvc.perform(get("/api/cases/" + c.getId() + "/attachments/" + p.get("id").asLong() + "/content")
                        .with(httpBasic(o.reviewer().username(), "x")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(photo);
        List<CaseEvidence.EvidenceFile> files = evidence.attachmentsOf(o.approver(), c.getId());
        assertThat(files).extracting(CaseEvidence.EvidenceFile::mediaType).containsExactly("image/png", "application/pdf");
        assertThat(files.get(1).bytes()).isEqualTo(PDF);
        assertThat(audit.of("PenaltyCase", c.getId())).extracting(AuditEvent::getAction)
                .contains("CASE_ATTACHMENT_UPLOADED", "CASE_ATTACHMENT_DOWNLOADED");
    }

    @Test
    void anotherAgencyGetsTheSame404AndNonHandlersCannotUpload() throws Exception {
        CaseFixtures.Office o = fx.office();
        CaseFixtures.Office other = fx.office();
        PenaltyCase c = investigating(o);
        long id = json.readTree(upload(o.officer(), c.getId(), "a.pdf", "application/pdf", PDF).andReturn().getResponse()
                .getContentAsString()).get("id").asLong();
        mvc.perform(get("/api/cases/" + c.getId() + "/attachments/" + id + "/content").with(httpBasic(other.officer().username(), "x")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/cases/" + c.getId() + "/attachments").with(httpBasic(other.officer().username(), "x")))
                .andExpect(status().isNotFound());
        upload(other.officer(), c.getId(), "b.pdf", "application/pdf", PDF).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + c.getId() + "/attachments/" + id).with(user(other.officer()))).andExpect(status().isNotFound());
        upload(o.approver(), c.getId(), "c.pdf", "application/pdf", PDF).andExpect(status().isForbidden());
        assertThat(evidence.list(o.officer(), c.getId())).hasSize(1);
    }

    @Test
    void anAttachmentIsRemovedWithAReasonBeforeTheInvestigationIsConcludedButNotAfter() throws Exception {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = investigating(o);
        JsonNode first = json.readTree(upload(o.officer(), c.getId(), "误传.pdf", "application/pdf", PDF).andReturn()
                .getResponse().getContentAsString());
        JsonNode second = json.readTree(upload(o.officer(), c.getId(), "现场.png", "image/png", png(8, 8)).andReturn()
                .getResponse().getContentAsString());
        String url = "/api/cases/" + c.getId() + "/attachments/" + first.get("id").asLong() + "/removal";
        mvc.perform(post(url).with(httpBasic(o.officer().username(), "x")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post(url).with(httpBasic(o.officer().username(), "x")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"误传其他案件的文件\",\"version\":0}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.removalReason").value("误传其他案件的文件"));
        mvc.perform(get("/api/cases/" + c.getId() + "/attachments/" + first.get("id").asLong() + "/content")
                .with(httpBasic(o.officer().username(), "x"))).andExpect(status().isNotFound());
        assertThat(audit.of("PenaltyCase", c.getId())).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("CASE_ATTACHMENT_REMOVED");
            assertThat(e.getDetail()).contains("误传其他案件的文件");
        });
        service.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.INTERROGATION, CaseWorkflowTest.FILED.plusDays(1),
                "询问当事人", List.of(o.officer().id(), o.officer2().id())));
        PenaltyCase now = service.get(o.officer(), c.getId());
        service.perform(o.officer(), c.getId(), CaseWorkflowTest.cmd(Action.CONCLUDE_INVESTIGATION, now));
        mvc.perform(post("/api/cases/" + c.getId() + "/attachments/" + second.get("id").asLong() + "/removal")
                .with(httpBasic(o.officer().username(), "x")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"不需要\",\"version\":0}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVIDENCE_FIXED"));
        upload(o.officer(), c.getId(), "晚.pdf", "application/pdf", PDF).andExpect(status().isConflict());
    }

    @Test
    void theCasePageUploadsListsAndOffersTheExecutionForms() throws Exception {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = investigating(o);
        mvc.perform(multipart("/cases/" + c.getId() + "/attachments")
                        .file(new MockMultipartFile("file", "现场照片一.png", "image/png", png(10, 10)))
                        .with(user(o.officer())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/cases/" + c.getId() + "/attachments")
                        .file(new MockMultipartFile("file", "x.html", "text/html", "<html>".getBytes(StandardCharsets.UTF_8)))
                        .with(user(o.officer())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("errors"));
        mvc.perform(post("/cases/" + c.getId() + "/deadline-extensions").param("requestedDue", "2026-06-30")
                .param("reason", "鉴定").with(user(o.officer())).with(csrf())).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/cases/" + c.getId()).with(user(o.approver())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("证据附件").contains("现场照片一.png").contains("延长办案期限").contains("批准延长")
                .doesNotContain("x.html");
        String handlerPage = mvc.perform(get("/cases/" + c.getId()).with(user(o.officer())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(handlerPage).contains("id=\"attachment-form\"").contains("enctype=\"multipart/form-data\"");
    }
}

package cn.yjzf.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.casework.CaseCommand.Action;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through a real Tomcat with the shipped limits: a 12 MB scanned PDF is accepted (above the 8 MB JSON body limit and
 * Tomcat's own defaults), a body above the 21 MB multipart limit is refused (413, connection closed) and nothing is
 * stored; the rule zip keeps its own 2 MB limit.
 */
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:caseupload;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
class CaseEvidenceUploadLimitTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures fx;
    @Autowired CaseworkService service;
    @Autowired CaseEvidence evidence;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired cn.yjzf.organisation.AppUserRepository users;

    private HttpResponse<String> upload(cn.yjzf.organisation.CurrentUser u, Long caseId, byte[] file) throws Exception {
        String boundary = "----yjzf" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + caseId + "/attachments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((u.username() + ":x").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    /** A readable PDF of about {@code size} bytes (uploads must open as PDFs). */
    private static byte[] pdf(int size) {
        return TestPdfs.onePage(size);
    }

    @Test
    void aTwelveMegabyteScanIsAcceptedAndAnOversizedUploadIsA413() throws Exception {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = service.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), CaseWorkflowTest.MATTER));
        c = service.perform(o.officer(), c.getId(), CaseWorkflowTest.cmd(Action.SUBMIT_FILING, c));
        c = service.perform(o.approver(), c.getId(), CaseWorkflowTest.on(Action.APPROVE, c, CaseWorkflowTest.FILED));
        byte[] scan = pdf(12 * 1024 * 1024);
        HttpResponse<String> ok = upload(o.officer(), c.getId(), scan);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(ok.body()).contains(AttachmentInspector.sha256(scan));
        // Tomcat answers 413 and closes the connection while the client may still be sending: either is a refusal
        int refused;
        try {
            refused = upload(o.officer(), c.getId(), pdf(22 * 1024 * 1024)).statusCode();
        } catch (java.io.IOException closedByServer) {
            refused = 413;
        }
        assertThat(refused).isEqualTo(413);
        assertThat(evidence.list(o.officer(), c.getId())).hasSize(1);
    }

    @Test
    void theRuleZipKeepsItsOwnTwoMegabyteLimitUnderTheRaisedMultipartLimit() throws Exception {
        CaseFixtures.Office o = fx.office();
        cn.yjzf.organisation.AppUser maintainer = users.save(new cn.yjzf.organisation.AppUser("maint-" + System.nanoTime(),
                "{noop}x", "维护", o.b().agency().getId(), null, null, null,
                java.util.Set.of(cn.yjzf.organisation.Role.RULE_MAINTAINER)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/rules/releases/upload")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "rules.zip", "application/zip",
                                new byte[3 * 1024 * 1024]))
                        .param("changeNote", "超大")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                cn.yjzf.organisation.CurrentUser.of(maintainer)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        java.util.List.of(new cn.yjzf.common.FieldProblem("file", "FILE_TOO_LARGE", "规则压缩包不超过 2 MB"))));
    }
}

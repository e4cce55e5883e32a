package cn.yjzf.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import cn.yjzf.documents.NumberedPdf;
import cn.yjzf.documents.PdfRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issuing a 责令限期整改指令书 is check-then-act: the database must hold the line when two requests pass the check
 * together, and a failure after the number is drawn must give the number back and leave nothing behind.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:orders;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class OrderIntegrityTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @MockitoSpyBean PdfRenderer pdf;

    DemoApi officer;

    @BeforeEach
    void login() throws Exception {
        officer = new DemoApi(mvc, "officer");
        doCallRealMethod().when(pdf).renderNumbered(any(), any(), any());
    }

    /** An inspection of 江城南方水泥 with one major hazard, ready for its order. */
    private String readyInspection() throws Exception {
        String id = officer.created("/api/inspections",
                "{\"enterpriseId\":1,\"inspectionDate\":\"2025-06-10\",\"place\":\"煤磨车间\",\"officerIds\":[1,2]}")
                .get("id").asText();
        officer.created("/api/inspections/" + id + "/findings",
                "{\"checklistGroup\":\"GM-06-06\",\"answers\":{\"GM-06-06-GAS\":\"未设置\"},\"description\":\"燃气未设报警\"}");
        return id;
    }

    private MvcResult issue(String inspection) throws Exception {
        return officer.postJson("/api/inspections/" + inspection + "/rectification-order",
                "{\"issueDate\":\"2025-06-10\",\"defaultDeadline\":\"2025-06-30\"}");
    }

    private long lastNumber() {
        return jdbc.queryForObject("select coalesce(max(last_value), 0) from document_sequence where doc_year = 2025", Long.class);
    }

    @Test
    void theDatabaseRefusesASecondOrderForTheSameInspection() throws Exception {
        String inspection = readyInspection();
        assertThat(issue(inspection).getResponse().getStatus()).isEqualTo(201);
        // what a second request that passed the service's check at the same moment would insert
        assertThatThrownBy(() -> jdbc.update("""
                insert into rectification_order (inspection_id, agency_id, document_no, doc_year, doc_seq, issue_date,
                  issued_by, issued_at, pdf, pdf_sha256, version)
                select inspection_id, agency_id, document_no || '-2', doc_year, doc_seq + 1000, issue_date, issued_by,
                  issued_at, pdf, pdf_sha256, 0 from rectification_order where inspection_id = ?""", Long.valueOf(inspection)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void concurrentIssuesOfOneInspectionYieldExactlyOneOrderAndNoGap() throws Exception {
        String inspection = readyInspection();
        long before = lastNumber();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return issue(inspection).getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(201).filteredOn(s -> s != 201).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from rectification_order where inspection_id = ?", Long.class,
                Long.valueOf(inspection))).isEqualTo(1);
        assertThat(lastNumber()).isEqualTo(before + 1);
    }

    @Test
    void aFailureAfterTheNumberIsDrawnGivesTheNumberBackAndLeavesNothing() throws Exception {
        String inspection = readyInspection();
        long number = lastNumber();
        RowCounts before = RowCounts.of(jdbc);
        // the order is laid out before the number is drawn; the number goes in under the counter lock, and fails there
        doAnswer(laidOut -> {
            NumberedPdf real = spy((NumberedPdf) laidOut.callRealMethod());
            doThrow(new IllegalStateException("font missing")).when(real).withNumber(any());
            return real;
        }).when(pdf).renderNumbered(any(), any(), any());

        MvcResult failed = issue(inspection);
        assertThat(failed.getResponse().getStatus()).isEqualTo(500);
        assertThat(failed.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("INTERNAL_ERROR").doesNotContain("font missing").doesNotContain("Exception");
        assertThat(RowCounts.of(jdbc)).as("no order, item, number, frozen inspection or audit event").isEqualTo(before);
        assertThat(lastNumber()).isEqualTo(number);
        assertThat(jdbc.queryForObject("select status from inspection where id = ?", String.class, Long.valueOf(inspection)))
                .isEqualTo("OPEN");

        doCallRealMethod().when(pdf).renderNumbered(any(), any(), any());
        MvcResult issued = issue(inspection);
        assertThat(issued.getResponse().getStatus()).isEqualTo(201);
        assertThat(DemoApi.JSON.readTree(issued.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("documentNo").asText()).isEqualTo("江应急责改〔2025〕" + (number + 1) + "号");
    }
}

package cn.yjzf.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.TemplateBrokenException;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.flow.Fixtures;
import cn.yjzf.inspection.Inspection;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order is laid out before its number is drawn: a broken 整改指令书 template refuses the issue naming file and line,
 * and nothing is issued and no number consumed. The template is read from a copy so the test can break it.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:ordertemplate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
class RectificationOrderTemplateTest {

    /** A directory holding only a copy of the order's template (the only one these tests render). */
    static final Path TEMPLATES = orderTemplateOnly();

    @DynamicPropertySource
    static void templates(DynamicPropertyRegistry r) {
        r.add("app.documents.templates-dir", TEMPLATES::toString);
    }

    private static Path orderTemplateOnly() {
        try {
            Path dir = Files.createTempDirectory("order-template");
            Files.copy(Path.of("case-templates/rectification-order.html"), dir.resolve("rectification-order.html"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired Fixtures fixtures;
    @Autowired InspectionService inspections;
    @Autowired RectificationService orders;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aBrokenTemplateRefusesTheOrderNamingFileAndLineIssuesNothingAndConsumesNoNumber() throws IOException {
        Fixtures.Bureau b = fixtures.bureau("模应急");
        Enterprise cement = fixtures.enterprise(b, Industry.BUILDING_MATERIALS, b.township(), Set.of(EnterpriseFlag.DUST_EXPLOSION));
        LocalDate day = LocalDate.of(2025, 6, 10);
        Inspection i = inspections.open(b.officer(), new NewInspection(cement.getId(), day, "煤磨车间",
                Set.of(b.officer().id(), b.officer2().id())));
        inspections.addFinding(b.officer(), i.getId(), new NewFinding("GM-06-06", Map.of("GM-06-06-GAS", "未设置"),
                "燃气配气间未设置可燃气体浓度监测报警装置", "燃气配气间"));
        IssueOrder cmd = new IssueOrder(day, day.plusDays(20), null);
        Path template = TEMPLATES.resolve("rectification-order.html");
        String original = Files.readString(template);
        List<String> lines = new java.util.ArrayList<>(original.lines().toList());
        int broken = lines.indexOf(lines.stream().filter(l -> l.contains("<h1 ")).findFirst().orElseThrow());
        lines.set(broken, "  <h1 th:text=\"${doc.title}\">未闭合的标题");
        Files.writeString(template, String.join("\n", lines) + "\n");
        try {
            assertThatThrownBy(() -> orders.issue(b.officer(), i.getId(), cmd))
                    .isInstanceOfSatisfying(TemplateBrokenException.class, e -> {
                        assertThat(e.code()).isEqualTo("TEMPLATE_BROKEN");
                        assertThat(e.templateFile()).isEqualTo("case-templates/rectification-order.html");
                        assertThat(e.line()).isGreaterThanOrEqualTo(broken + 1);
                    });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rectification_order WHERE inspection_id = ?",
                    Integer.class, i.getId())).isZero();
            assertThat(jdbc.queryForList("SELECT last_value FROM document_sequence WHERE agency_id = ? AND doc_type = ?",
                    Integer.class, b.agency().getId(), DocumentType.RECTIFICATION_ORDER.counter()))
                    .as("no number drawn").allSatisfy(n -> assertThat(n).isZero());
        } finally {
            Files.writeString(template, original);
        }
        RectificationOrder order = orders.issue(b.officer(), i.getId(), cmd);
        assertThat(order.getDocumentNo()).isEqualTo("模应急责改〔2025〕1号");
    }
}

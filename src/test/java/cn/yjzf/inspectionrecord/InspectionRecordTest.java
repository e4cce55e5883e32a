package cn.yjzf.inspectionrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import cn.yjzf.organisation.CurrentUser;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The 现场检查记录 downloaded from the inspection page: its fields, its scope, and one page looked at as an image. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:inspectionrecord;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class InspectionRecordTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired InspectionService inspections;

    CurrentUser as(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    @Test
    void theRecordPrintsTheInspectionAndStaysWithinTheJurisdiction() throws Exception {
        CurrentUser officer = as("officer");
        CurrentUser officer2 = as("officer2");
        Long id = inspections.open(officer, new NewInspection(1L, LocalDate.of(2025, 6, 10), "煤磨车间A3区",
                Set.of(officer.id(), officer2.id()))).getId();
        inspections.addFinding(officer, id, new NewFinding(null, null, "煤磨车间燃气管道未设置可燃气体报警装置", "煤磨车间A3区"));

        MvcResult r = mvc.perform(get("/inspections/" + id + "/inspection-record.pdf").with(user(officer))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
        byte[] pdf = r.getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 60);
            Path png = Path.of("target", "inspection-record-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertThat(new File(png.toString())).isNotEmpty();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // inline runs in reading order
            String text = stripper.getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("江城市应急管理局", "现场检查记录", "江城南方水泥有限公司", "检查场所", "煤磨车间A3区",
                    "2025年6月10日", officer.fullName(), "33010020001", officer2.fullName(),
                    "1．煤磨车间燃气管道未设置可燃气体报警装置（位置：煤磨车间A3区）", "被检查单位现场负责人（签名）");
        }
        // a 清溪镇 township enforcer cannot see a 城南街道 inspection: the same 404 as a missing one
        assertThat(mvc.perform(get("/inspections/" + id + "/inspection-record.pdf").with(user(as("township"))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/inspections/999999/inspection-record.pdf").with(user(officer)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}

package cn.yjzf.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A 案卷 bound from rendered documents, photos and a PDF attachment, read back page by page with PDFBox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseFileBinderTest {

    final CaseFileBinder binder = new CaseFileBinder(CaseFileSamples.RENDERER);
    final List<CaseFileContent.Document> documents = new ArrayList<>();
    byte[] attachedPdf;
    BoundCaseFile bound;

    /** Enough documents (one of them four pages long) that the 卷内目录 runs over two pages. */
    @BeforeAll
    void bind() {
        for (int i = 0; i < 34; i++) {
            documents.add(CaseFileSamples.document(i, i == 3 ? 14 : 1, LocalDate.of(2026, 3, 2).plusDays(i)));
        }
        // issued out of date order: the file is arranged by date
        java.util.Collections.swap(documents, 1, 5);
        attachedPdf = CaseFileSamples.document(40, 8, LocalDate.of(2026, 3, 5)).pdf();
        bound = binder.bind(content(documents), FilingOrder.CHRONOLOGICAL);
    }

    private CaseFileContent content(List<CaseFileContent.Document> docs) {
        return new CaseFileContent(CaseFileSamples.header(), docs, CaseFileSamples.decisionRecord(), List.of(
                new CaseFileContent.Attachment("现场照片1.jpg", "image/jpeg", CaseFileSamples.photo("jpg", 4000, 3000), LocalDate.of(2026, 3, 1)),
                new CaseFileContent.Attachment("现场照片2.png", "image/png", CaseFileSamples.photo("png", 600, 1800), LocalDate.of(2026, 3, 1)),
                new CaseFileContent.Attachment("检测报告.pdf", "application/pdf", attachedPdf, LocalDate.of(2026, 3, 5))));
    }

    @Test
    void everyPartIsBoundInFilingOrderAndTheIndexStatesTheRealPages() throws IOException {
        List<String> pages = pages(bound.pdf());
        assertThat(bound.frontPages()).as("the cover plus an index running over more than one page").isGreaterThanOrEqualTo(3);
        assertThat(pages).hasSize(bound.frontPages() + bound.numberedPages() + bound.backPages());
        // the 备考表 closes the file, unnumbered, stating the numbered pages and the photos among them
        assertThat(bound.backPages()).isEqualTo(1);
        assertThat(pages.get(pages.size() - 1)).contains("备考表", "本卷共有文件材料" + bound.numberedPages() + "页",
                "其中照片2张", "立卷人", "检查人").doesNotEndWith(Integer.toString(bound.numberedPages() + 1));
        assertThat(pages.get(0)).contains("案卷").contains("江城南方水泥有限公司未采取措施消除事故隐患案").contains("保存期限永久");
        assertThat(pages.get(1)).contains("卷内目录");
        List<BoundCaseFile.IndexRow> rows = bound.index();
        assertThat(rows).hasSize(34 + 1 + 3);
        assertThat(rows.get(0).date()).isEqualTo(LocalDate.of(2026, 3, 2));
        for (int i = 0; i + 1 < 34; i++) {
            assertThat(rows.get(i).date()).as("chronological").isBefore(rows.get(i + 1).date());
        }
        assertThat(rows.get(3).lastPage() - rows.get(3).firstPage()).as("a long document").isGreaterThan(1);
        String index = String.join("", pages.subList(1, bound.frontPages()));
        assertThat(pages.get(bound.frontPages() - 1)).as("the index header repeats").contains("序号文号题名日期页号备注");
        int previousLast = 0;
        for (BoundCaseFile.IndexRow row : rows) {
            assertThat(row.firstPage()).isEqualTo(previousLast + 1);
            previousLast = row.lastPage();
            String onStatedPage = pages.get(bound.frontPages() + row.firstPage() - 1);
            String marker = row.documentNo() != null ? row.documentNo()
                    : row.title().equals(CaseFileBinder.DECISION_RECORD_TITLE) ? "决策记录" : row.title();
            if (row.title().equals("检测报告.pdf")) {
                marker = "江应急案〔2026〕140号";
            }
            assertThat(onStatedPage).as("%s on page %s", row.title(), row.pages()).contains(marker);
            assertThat(index).contains(row.title() + row.dateText().replace(" ", "") + row.pages());
        }
        assertThat(previousLast).isEqualTo(bound.numberedPages());
        assertThat(pages.get(bound.frontPages() + rows.get(34).firstPage() - 1)).contains("《中华人民共和国安全生产法》第一百零二条")
                .contains("AQF-102").contains("anquanfa-2021").contains("系统默认（非官方基准）");
    }

    @Test
    void photosBecomeCaptionedPagesAndThePdfAttachmentIsMergedPageByPage() throws IOException {
        List<String> pages = pages(bound.pdf());
        BoundCaseFile.IndexRow photo1 = bound.index().get(35);
        BoundCaseFile.IndexRow photo2 = bound.index().get(36);
        BoundCaseFile.IndexRow report = bound.index().get(37);
        assertThat(photo1.firstPage()).isEqualTo(photo1.lastPage());
        assertThat(photo2.firstPage()).isEqualTo(photo2.lastPage());
        assertThat(pages.get(bound.frontPages() + photo1.firstPage() - 1)).contains("照片：现场照片1.jpg（2026年3月1日）");
        assertThat(pages.get(bound.frontPages() + photo2.firstPage() - 1)).contains("照片：现场照片2.png");
        try (PDDocument attached = Loader.loadPDF(attachedPdf); PDDocument doc = Loader.loadPDF(bound.pdf())) {
            assertThat(report.lastPage() - report.firstPage() + 1).isEqualTo(attached.getNumberOfPages());
            PDPage photoPage = doc.getPage(bound.frontPages() + photo1.firstPage() - 1);
            assertThat(photoPage.getResources().getXObjectNames()).as("the photo is on its page").isNotEmpty();
        }
    }

    @Test
    void onlyWrittenPagesCarryANumberAtTheLowerRight() throws IOException {
        try (PDDocument doc = Loader.loadPDF(bound.pdf())) {
            PDFTextStripperByArea corner = new PDFTextStripperByArea();
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                PDPage page = doc.getPage(p);
                float h = page.getMediaBox().getHeight();
                float w = page.getMediaBox().getWidth();
                corner.addRegion("n", new Rectangle2D.Float(w - 130, h - 45, 75, 20));
                corner.extractRegions(page);
                String text = corner.getTextForRegion("n").trim();
                if (p < bound.frontPages() || p >= bound.frontPages() + bound.numberedPages()) {
                    assertThat(text).as("unnumbered front or back page %d", p + 1).isEmpty();
                } else {
                    assertThat(text).as("page %d", p + 1).isEqualTo(Integer.toString(p + 1 - bound.frontPages()));
                }
            }
        }
    }

    @Test
    void fontsAreEmbeddedAndNothingIsPaintedInTheSideMargins() throws IOException {
        try (PDDocument doc = Loader.loadPDF(bound.pdf())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                for (COSName name : doc.getPage(p).getResources().getFontNames()) {
                    PDFont font = doc.getPage(p).getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("page %d font %s", p + 1, font.getName()).isTrue();
                }
                BufferedImage image = renderer.renderImageWithDPI(p, 36);
                if (p < 5 || p == doc.getNumberOfPages() - 4) { // kept for a look at the layout (target/casefile-pages)
                    java.nio.file.Path dir = java.nio.file.Path.of("target/casefile-pages");
                    java.nio.file.Files.createDirectories(dir);
                    javax.imageio.ImageIO.write(renderer.renderImageWithDPI(p, 60), "png", dir.resolve("page-" + (p + 1) + ".png").toFile());
                }
                int margin = 25; // px at 36 dpi ≈ 17.6 mm, inside the 22–24 mm side margins
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        if (x < margin || x >= image.getWidth() - margin) {
                            assertThat(image.getRGB(x, y) & 0xFFFFFF).as("ink at page %d (%d,%d)", p + 1, x, y)
                                    .isEqualTo(0xFFFFFF);
                        }
                    }
                }
            }
        }
    }

    @Test
    void anAgencyFilingTheDecisionFirstGetsItFirst() {
        BoundCaseFile decisionFirst = binder.bind(content(documents.subList(0, 12)), FilingOrder.DECISION_FIRST);
        assertThat(decisionFirst.index().get(0).title()).isEqualTo("行政处罚决定书");
        assertThat(decisionFirst.index().get(1).title()).isEqualTo("立案审批表");
    }

    @Test
    void aMalformedAttachmentIsReportedByItsName() {
        CaseFileContent.Header header = CaseFileSamples.header();
        for (CaseFileContent.Attachment bad : List.of(
                new CaseFileContent.Attachment("坏照片.jpg", "image/jpeg", "not a jpeg".getBytes(), null),
                new CaseFileContent.Attachment("截断.png", "image/png", java.util.Arrays.copyOf(CaseFileSamples.photo("png", 50, 50), 40), null),
                new CaseFileContent.Attachment("坏报告.pdf", "application/pdf", "%PDF-1.4 garbage".getBytes(), null),
                new CaseFileContent.Attachment("图.gif", "image/gif", CaseFileSamples.photo("gif", 20, 20), null),
                new CaseFileContent.Attachment("空.pdf", "application/pdf", new byte[0], null))) {
            assertThatThrownBy(() -> binder.bind(new CaseFileContent(header, List.of(), null, List.of(bad)), FilingOrder.CHRONOLOGICAL))
                    .isInstanceOf(UnreadableAttachmentException.class).hasMessageContaining("“" + bad.name() + "”无法装订");
        }
    }

    static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc).replaceAll("\\s+", ""));
            }
            return pages;
        }
    }
}

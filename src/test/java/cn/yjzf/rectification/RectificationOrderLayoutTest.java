package cn.yjzf.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.DocumentsProperties;
import cn.yjzf.documents.PdfRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.lowagie.text.pdf.BaseFont;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The 责令限期整改指令书 as the party reads it: wording, and no text hidden or repeated across a page break. */
class RectificationOrderLayoutTest {

    static final PdfRenderer RENDERER = new PdfRenderer(
            new DocumentsProperties(Path.of("case-templates"), null, null, null, null, null), new DefaultResourceLoader());

    static OrderDocument order(int items) {
        List<OrderDocument.Line> lines = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            lines.add(new OrderDocument.Line(i, "第" + i + "处：煤磨车间燃气管道未设置可燃气体报警装置，作业人员未佩戴便携式检测仪。",
                    "煤磨车间A3区", i % 3 == 0 ? "重大事故隐患" : "一般事故隐患",
                    List.of("《工贸企业重大事故隐患判定标准》第四条第（六）项"), "2025年6月30日"));
        }
        return new OrderDocument("江城市应急管理局", "江应急责改〔2025〕12号", "责令限期整改指令书", "江城南方水泥有限公司（王堃、李喆、赵玥）",
                "91330800MA2XXXXX1X", "江城市城南街道建设路88号", "王堃", "2025年6月10日", "煤磨车间", lines, true,
                List.of(new OrderDocument.Officer("张三", "33080012345"), new OrderDocument.Officer("李四", "33080012346")),
                "2025年6月10日");
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

    @Test
    void aLongOrderPrintsEveryParagraphExactlyOnce() throws IOException {
        for (int items = 6; items <= 16; items++) {
            byte[] pdf = RENDERER.render(DocumentType.RECTIFICATION_ORDER, Map.of("doc", order(items)));
            List<String> pages = pages(pdf);
            String all = String.join("", pages);
            for (String marker : List.of("整改期间，你单位应当采取措施，确保安全", "不停止执行", "被检查单位负责人（签名）",
                    "第" + items + "处：煤磨车间")) {
                assertThat(occurrences(all, marker)).as(items + " items, " + marker + " in " + pages).isEqualTo(1);
            }
        }
    }

    @Test
    void theOrderStatesTheSafetyDutyAndTheRemediesCitingTheCurrentLaws() throws IOException {
        String text = String.join("", pages(RENDERER.render(DocumentType.RECTIFICATION_ORDER, Map.of("doc", order(2)))));
        assertThat(text).contains("整改期间，你单位应当采取措施，确保安全。")
                .contains("六十日内申请行政复议").contains("六个月内依法向人民法院提起行政诉讼")
                .contains("《中华人民共和国行政复议法》第二十条").contains("《中华人民共和国行政诉讼法》第四十六条")
                .contains("本指令不停止执行");
    }

    @Test
    void gbkNamesDigitsAndLatinRenderWithEmbeddedRegularAndRealBoldFaces() throws IOException {
        byte[] pdf = RENDERER.render(DocumentType.RECTIFICATION_ORDER, Map.of("doc", order(3)));
        String text = String.join("", pages(pdf));
        assertThat(text).contains("王堃、李喆、赵玥").contains("江应急责改〔2025〕12号").contains("煤磨车间A3区")
                .contains("91330800MA2XXXXX1X");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (COSName name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName());
            }
            // the title and the 重大事故隐患 grade use the Medium face, not a stroked (simulated) Regular
            assertThat(fonts).anyMatch(f -> f.endsWith("NotoSansHans-Regular")).anyMatch(f -> f.endsWith("NotoSansHans-Medium"));
        }
        // the glyphs exist in the default face (a missing glyph would still extract, but print as a blank box)
        try (var in = new DefaultResourceLoader().getResource(DocumentsProperties.NOTO_REGULAR).getInputStream()) {
            BaseFont regular = BaseFont.createFont("check.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    in.readAllBytes(), null);
            for (char c : "堃喆玥〔〕".toCharArray()) {
                assertThat(regular.charExists(c)).as(String.valueOf(c)).isTrue();
            }
        }
    }

    @Test
    void nothingIsPaintedInTheSideMarginsOfARenderedPage() throws IOException {
        byte[] pdf = RENDERER.render(DocumentType.RECTIFICATION_ORDER, Map.of("doc", order(8)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(p, 72);
                int inked = 0;
                int margin = 50; // px at 72 dpi ≈ 17.6 mm, inside the 22–24 mm side margins
                for (int y = 0; y < page.getHeight(); y++) {
                    for (int x = 0; x < page.getWidth(); x++) {
                        boolean sideMargin = x < margin || x >= page.getWidth() - margin;
                        if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                            inked++;
                            assertThat(sideMargin).as("ink at page %d (%d,%d)", p + 1, x, y).isFalse();
                        }
                    }
                }
                assertThat(inked).as("page %d is not blank", p + 1).isGreaterThan(1000);
            }
        }
    }

    static int occurrences(String text, String marker) {
        int n = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            n++;
        }
        return n;
    }
}

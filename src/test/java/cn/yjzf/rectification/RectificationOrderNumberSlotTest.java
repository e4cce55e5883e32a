package cn.yjzf.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.DocumentsProperties;
import cn.yjzf.documents.NumberShape;
import cn.yjzf.documents.NumberedPdf;
import cn.yjzf.documents.PdfRenderer;
import cn.yjzf.documents.TemplateBrokenException;
import cn.yjzf.documents.TemplateText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The 责令限期整改指令书 is laid out before its number is drawn and the number written in afterwards
 * ({@link PdfRenderer#renderNumbered}, {@link NumberedPdf}): the number's width cannot move anything, the real number
 * is printed exactly once in the embedded font, and no placeholder is left in the document.
 */
class RectificationOrderNumberSlotTest {

    static final DocumentsProperties PROPERTIES = new DocumentsProperties(Path.of("case-templates"), null, null, null, null, null);
    static final PdfRenderer RENDERER = new PdfRenderer(PROPERTIES, new DefaultResourceLoader());
    static final NumberShape SHAPE = PROPERTIES.shape("江应急", DocumentType.RECTIFICATION_ORDER, 2025, null);

    /** A character drawn on a page: what, where (points), which page. */
    record Glyph(String text, int page, float x, float y) {
    }

    static Map<String, Object> model(int items, String number) {
        OrderDocument o = RectificationOrderLayoutTest.order(items);
        return Map.of("doc", new OrderDocument(o.agencyName(), number, o.title(), o.enterpriseName(), o.creditCode(),
                o.address(), o.legalRepresentative(), o.inspectionDate(), o.place(), o.items(), o.hasMajor(),
                o.officers(), o.issueDate()));
    }

    static NumberedPdf laidOut(int items) {
        return RENDERER.renderNumbered(RENDERER.template(DocumentType.RECTIFICATION_ORDER), SHAPE, no -> model(items, no));
    }

    static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        glyphs.add(new Glyph(p.getUnicode(), getCurrentPageNo(), p.getXDirAdj(), p.getYDirAdj()));
                    }
                }
            };
            stripper.getText(doc);
        }
        return glyphs;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    /** The glyphs with the first run spelling {@code number} taken out (it must be there). */
    static List<Glyph> without(List<Glyph> glyphs, String number) {
        List<String> chars = number.codePoints().mapToObj(Character::toString).toList();
        for (int i = 0; i + chars.size() <= glyphs.size(); i++) {
            int at = i;
            if (java.util.stream.IntStream.range(0, chars.size()).allMatch(k -> glyphs.get(at + k).text().equals(chars.get(k)))) {
                List<Glyph> rest = new ArrayList<>(glyphs.subList(0, i));
                rest.addAll(glyphs.subList(i + chars.size(), glyphs.size()));
                return rest;
            }
        }
        throw new AssertionError(number + " is not printed");
    }

    static int occurrences(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }

    @Test
    void aOneDigitAndASixDigitNumberLeaveEverythingElseWhereItWasAndArePrintedOnceWithoutPlaceholder() throws IOException {
        for (int items : new int[] {1, 9, 14}) {
            NumberedPdf pdf = laidOut(items);
            assertThat(pdf.deferred()).isTrue();
            String one = "江应急责改〔2025〕7号";
            String six = "江应急责改〔2025〕123456号";
            byte[] short1 = pdf.withNumber(one);
            byte[] long6 = pdf.withNumber(six);
            List<Glyph> a = glyphs(short1);
            List<Glyph> b = glyphs(long6);
            assertThat(a.stream().mapToInt(Glyph::page).max()).as("page count, %d items", items)
                    .isEqualTo(b.stream().mapToInt(Glyph::page).max());
            assertThat(without(a, one)).as("everything but the number, %d items", items).isEqualTo(without(b, six));
            for (Object[] c : new Object[][] {{short1, one}, {long6, six}}) {
                String text = text((byte[]) c[0]);
                assertThat(occurrences(text, (String) c[1])).as(text).isEqualTo(1);
                assertThat(text).doesNotContain("\uE000", "\uE001", "文号", "0123456789", "〔2025〕号");
            }
        }
    }

    @Test
    void theNumberStandsWhereAndAsTheDocumentRenderedWithItPrintsIt() throws IOException {
        String number = "江应急责改〔2025〕12号";
        byte[] filled = laidOut(3).withNumber(number);
        byte[] classic = RENDERER.renderText(RENDERER.template(DocumentType.RECTIFICATION_ORDER), model(3, number));
        List<Glyph> got = glyphs(filled);
        List<Glyph> expected = glyphs(classic);
        assertThat(sorted(without(got, number))).isEqualTo(sorted(without(expected, number)));
        Glyph lastGot = last(got, number);
        Glyph lastExpected = last(expected, number);
        assertThat(lastGot.page()).isEqualTo(lastExpected.page());
        assertThat(Math.abs(lastGot.x() - lastExpected.x())).as("right-aligned like the text was").isLessThan(0.5f);
        assertThat(Math.abs(lastGot.y() - lastExpected.y())).as("on the same baseline").isLessThan(0.5f);
        // the same embedded fonts, no extra subset for the number
        assertThat(fonts(filled)).isEqualTo(fonts(classic)).allSatisfy(f -> assertThat(f).endsWith("embedded"));
    }

    @Test
    void aTemplateThatPrintsTheNumberTwiceOrNotAtAllIsRenderedWithTheNumberInstead() throws IOException {
        TemplateText twice = new TemplateText("case-templates/twice.html", """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org"><body style="font-family: DocFont">
                <p th:text="${doc.no}">1</p><p>附：<span th:text="${doc.no}">1</span></p></body></html>""", "twice");
        NumberedPdf pdf = RENDERER.renderNumbered(twice, SHAPE, no -> Map.of("doc", Map.of("no", no)));
        assertThat(pdf.deferred()).isFalse();
        assertThat(occurrences(text(pdf.withNumber("江应急责改〔2025〕3号")), "江应急责改〔2025〕3号")).isEqualTo(2);
        TemplateText none = new TemplateText("case-templates/none.html", """
                <html xmlns="http://www.w3.org/1999/xhtml"><body style="font-family: DocFont"><p>无文号</p></body></html>""", "none");
        NumberedPdf plain = RENDERER.renderNumbered(none, SHAPE, no -> Map.of());
        assertThat(plain.deferred()).isFalse();
        assertThat(text(plain.withNumber("江应急责改〔2025〕3号"))).isEqualTo("无文号");
        // a number longer than the room reserved: rendered with it, never squeezed
        String seven = "江应急责改〔2025〕1234567号";
        assertThat(occurrences(text(laidOut(1).withNumber(seven)), seven)).isEqualTo(1);
    }

    @Test
    void aBrokenTemplateFailsBeforeAnyNumberIsAsked() {
        TemplateText broken = new TemplateText("case-templates/broken.html", """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <body><h1 th:text="${doc.no}">未闭合</body></html>""", "broken");
        List<String> asked = new ArrayList<>();
        assertThatThrownBy(() -> RENDERER.renderNumbered(broken, SHAPE, no -> {
            asked.add(no);
            return Map.of("doc", Map.of("no", no));
        })).isInstanceOfSatisfying(TemplateBrokenException.class, e -> {
            assertThat(e.templateFile()).isEqualTo("case-templates/broken.html");
            assertThat(e.line()).isEqualTo(2);
        });
        assertThat(asked).containsExactly(PdfRenderer.NUMBER_SLOT);
    }

    private static List<Glyph> sorted(List<Glyph> glyphs) {
        return glyphs.stream().sorted(java.util.Comparator.comparing(Glyph::page).thenComparing(Glyph::y)
                .thenComparing(Glyph::x).thenComparing(Glyph::text)).toList();
    }

    private static Glyph last(List<Glyph> glyphs, String number) {
        List<Glyph> rest = without(glyphs, number);
        List<Glyph> mine = new ArrayList<>(glyphs);
        for (Glyph g : rest) {
            mine.remove(g);
        }
        return mine.get(mine.size() - 1);
    }

    private static List<String> fonts(byte[] pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    fonts.add(f.getName().replaceFirst("^[A-Z]{6}\\+", "") + (f.isEmbedded() ? " embedded" : " not embedded"));
                }
            }
        }
        return fonts.stream().sorted().toList();
    }
}

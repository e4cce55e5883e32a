package cn.yjzf.casefile;

import cn.yjzf.documents.PdfRenderer;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Binds a 案卷 into one PDF: 案卷首页 and 卷内目录 (unnumbered), then the documents in the filing order, the 决策记录 and
 * the attachments, each written page numbered continuously at the lower right, and last the 备考表 (unnumbered).
 * <p>
 * Pages are counted first and the index rendered from those counts; since the front pages carry no number, the
 * numbers are independent of how many pages the index itself takes. Merging and stamping use OpenPDF's
 * {@link PdfCopy} with a page stamp, so every source page is copied once and stamped on the way.
 */
@Component
public class CaseFileBinder {

    static final String COVER_TEMPLATE = "case-file-cover";
    static final String INDEX_TEMPLATE = "case-file-index";
    static final String DECISION_RECORD_TEMPLATE = "case-file-decision-record";
    static final String DECISION_RECORD_TITLE = "决策记录";
    static final String NOTES_TEMPLATE = "case-file-notes";

    /** What the 备考表 states: the numbered pages, how many of them are photos, and who filed the 案卷 (may be blank). */
    public record Notes(int pages, int photos, String filer) {
    }

    /** Page number position: right edge and baseline in points from the page's lower right corner (≈22 mm, ≈12 mm). */
    private static final float NUMBER_RIGHT = 62f;
    private static final float NUMBER_BASELINE = 34f;
    private static final float NUMBER_SIZE = 10.5f;

    private final PdfRenderer renderer;
    private final PhotoPages photos;

    public CaseFileBinder(PdfRenderer renderer) {
        this.renderer = renderer;
        this.photos = new PhotoPages(renderer::bodyFont);
    }

    /** A part of the file in binding order, with its pages already read. */
    private record Part(String title, String documentNo, java.time.LocalDate date, String remark, PdfReader pages) {
    }

    public BoundCaseFile bind(CaseFileContent content, FilingOrder order) {
        return bind(content, order, null);
    }

    /** {@code filer}: the 立卷人 named on the 备考表 (null for a draft: a line to sign). */
    public BoundCaseFile bind(CaseFileContent content, FilingOrder order, String filer) {
        List<Part> parts = new ArrayList<>();
        for (CaseFileContent.Document d : order.arrange(content.documents())) {
            parts.add(new Part(d.title(), d.documentNo(), d.date(), d.remark(), read(d.pdf(), d.title())));
        }
        if (content.decisionRecord() != null) {
            byte[] record = renderer.renderTemplate(DECISION_RECORD_TEMPLATE,
                    Map.of("doc", content.decisionRecord(), "header", content.header()));
            parts.add(new Part(DECISION_RECORD_TITLE, null, content.header().closedOn(), "系统生成", read(record, DECISION_RECORD_TITLE)));
        }
        for (CaseFileContent.Attachment a : content.attachments()) {
            parts.add(new Part(a.name(), null, a.date(), isPdf(a) ? "附件" : "照片", attachmentPages(a)));
        }

        List<BoundCaseFile.IndexRow> index = new ArrayList<>();
        int next = 1;
        for (Part p : parts) {
            int n = p.pages().getNumberOfPages();
            index.add(new BoundCaseFile.IndexRow(index.size() + 1, p.documentNo(), p.title(), p.date(), next, next + n - 1,
                    p.remark()));
            next += n;
        }
        PdfReader cover = read(renderer.renderTemplate(COVER_TEMPLATE, Map.of("doc", content.header())), "案卷首页");
        PdfReader indexPages = read(renderer.renderTemplate(INDEX_TEMPLATE, Map.of("header", content.header(), "rows", index)), "卷内目录");
        int front = cover.getNumberOfPages() + indexPages.getNumberOfPages();
        int photoCount = (int) content.attachments().stream().filter(a -> !isPdf(a)).count();
        PdfReader notes = read(renderer.renderTemplate(NOTES_TEMPLATE, Map.of("header", content.header(),
                "notes", new Notes(next - 1, photoCount, filer == null ? "" : filer))), "备考表");
        byte[] pdf = merge(List.of(cover, indexPages), parts, notes);
        return new BoundCaseFile(pdf, front, next - 1, notes.getNumberOfPages(), List.copyOf(index));
    }

    private byte[] merge(List<PdfReader> front, List<Part> parts, PdfReader back) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        com.lowagie.text.Document document = new com.lowagie.text.Document();
        try {
            PdfCopy copy = new PdfCopy(document, out);
            document.open();
            for (PdfReader r : front) {
                for (int i = 1; i <= r.getNumberOfPages(); i++) {
                    copy.addPage(copy.getImportedPage(r, i));
                }
            }
            BaseFont font = renderer.bodyFont();
            int number = 0;
            for (Part part : parts) {
                PdfReader r = part.pages();
                for (int i = 1; i <= r.getNumberOfPages(); i++) {
                    PdfImportedPage page = copy.getImportedPage(r, i);
                    stampNumber(copy, page, r.getPageSizeWithRotation(i), font, ++number);
                    copy.addPage(page);
                }
            }
            for (int i = 1; i <= back.getNumberOfPages(); i++) { // the 备考表: last, unnumbered
                copy.addPage(copy.getImportedPage(back, i));
            }
            document.close();
        } catch (IOException e) {
            throw new IllegalStateException("案卷装订失败", e);
        }
        return out.toByteArray();
    }

    private static void stampNumber(PdfCopy copy, PdfImportedPage page, Rectangle size, BaseFont font, int number)
            throws IOException {
        PdfCopy.PageStamp stamp = copy.createPageStamp(page);
        PdfContentByte over = stamp.getOverContent();
        over.beginText();
        over.setFontAndSize(font, NUMBER_SIZE);
        over.showTextAligned(PdfContentByte.ALIGN_RIGHT, Integer.toString(number),
                size.getRight() - NUMBER_RIGHT, size.getBottom() + NUMBER_BASELINE, 0);
        over.endText();
        stamp.alterContents();
    }

    private PdfReader attachmentPages(CaseFileContent.Attachment a) {
        if (isPdf(a)) {
            return read(a.bytes(), a.name());
        }
        return read(photos.page(a), a.name());
    }

    private static boolean isPdf(CaseFileContent.Attachment a) {
        return "application/pdf".equalsIgnoreCase(a.contentType())
                || (a.contentType() == null && a.name() != null && a.name().toLowerCase().endsWith(".pdf"));
    }

    /** Reads an untrusted PDF; anything unreadable, encrypted or empty is reported by name. */
    static PdfReader read(byte[] pdf, String name) {
        if (pdf == null || pdf.length == 0) {
            throw new UnreadableAttachmentException(name, "文件为空");
        }
        try {
            PdfReader reader = new PdfReader(pdf);
            if (reader.isEncrypted()) {
                throw new UnreadableAttachmentException(name, "PDF 已加密");
            }
            if (reader.getNumberOfPages() == 0) {
                throw new UnreadableAttachmentException(name, "PDF 没有页面");
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableAttachmentException u) {
                throw u;
            }
            throw new UnreadableAttachmentException(name, "不是有效的 PDF 文件");
        }
    }

}

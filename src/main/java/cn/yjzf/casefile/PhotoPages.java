package cn.yjzf.casefile;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A photo as one A4 page: scaled to fit the written area (never enlarged past its size), captioned with its name and
 * date. The header is checked with ImageIO before OpenPDF decodes anything, so a file that is not a JPEG/PNG, or
 * claims an absurd size (a decompression bomb), is reported by name instead of exhausting memory.
 */
final class PhotoPages {

    /** Margins as the document templates: 25 mm top, 22 mm right and bottom, 24 mm left. */
    private static final float TOP = 71f;
    private static final float RIGHT = 62f;
    private static final float BOTTOM = 62f;
    private static final float LEFT = 68f;
    private static final float CAPTION_SPACE = 48f;
    private static final long MAX_PIXELS = 60_000_000L;

    private final Supplier<BaseFont> font;

    PhotoPages(Supplier<BaseFont> font) {
        this.font = font;
    }

    byte[] page(CaseFileContent.Attachment a) {
        checkHeader(a);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, LEFT, RIGHT, TOP, BOTTOM);
        try {
            Image image = Image.getInstance(a.bytes());
            PdfWriter.getInstance(document, out);
            document.open();
            float width = PageSize.A4.getWidth() - LEFT - RIGHT;
            float height = PageSize.A4.getHeight() - TOP - BOTTOM - CAPTION_SPACE;
            if (image.getWidth() > width || image.getHeight() > height) {
                image.scaleToFit(width, height);
            }
            image.setAlignment(Element.ALIGN_CENTER);
            document.add(image);
            com.lowagie.text.Font caption = new com.lowagie.text.Font(font.get(), 10.5f);
            Paragraph text = new Paragraph("照片：" + a.name()
                    + (a.date() == null ? "" : "（" + cn.yjzf.documents.ChineseDates.format(a.date()) + "）"), caption);
            text.setAlignment(Element.ALIGN_CENTER);
            text.setSpacingBefore(8f);
            document.add(text);
            document.close();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableAttachmentException(a.name(), "不是有效的 JPEG/PNG 图片");
        }
        return out.toByteArray();
    }

    private static void checkHeader(CaseFileContent.Attachment a) {
        if (a.bytes() == null || a.bytes().length == 0) {
            throw new UnreadableAttachmentException(a.name(), "文件为空");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(a.bytes()))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UnreadableAttachmentException(a.name(), "不是 JPEG/PNG 图片或 PDF 文件");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase();
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw new UnreadableAttachmentException(a.name(), "只接受 JPEG/PNG 图片（此文件为 " + format + "）");
                }
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new UnreadableAttachmentException(a.name(), "图片尺寸异常");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UnreadableAttachmentException(a.name(), "不是有效的 JPEG/PNG 图片");
        }
    }
}

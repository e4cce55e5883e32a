package cn.yjzf.casework;

import java.io.ByteArrayOutputStream;

/** Real, readable PDFs for upload tests (an upload must open as a PDF: the 案卷 merges its pages). */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** One page whose uncompressed content stream carries {@code padding} extra bytes (to reach a file size). */
    public static byte[] onePage(int padding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(padding + 2048);
        com.lowagie.text.Document doc = new com.lowagie.text.Document();
        com.lowagie.text.pdf.PdfWriter writer = com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
        writer.setCompressionLevel(0);
        doc.open();
        com.lowagie.text.pdf.PdfContentByte page = writer.getDirectContent();
        page.setLiteral(" ".repeat(Math.max(1, padding)));
        page.rectangle(100, 100, 200, 100);
        page.stroke();
        doc.close();
        return out.toByteArray();
    }
}

package cn.yjzf.documents;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.xhtmlrenderer.css.constants.IdentValue;

/**
 * A document laid out and drawn before its number is known: {@link #withNumber(String)} writes the number into the
 * room reserved for it (a form XObject whose glyphs are already in the embedded font subset) and returns the final
 * PDF. That rewrite of a finished PDF of a few dozen kilobytes is all of the rendering that happens while the counter
 * row is locked. When the number cannot be filled in (the template prints it other than exactly once as text, the
 * number does not fit the shape, the font lacks a glyph) the whole document is rendered with the number instead.
 */
public final class NumberedPdf {

    private final byte[] laidOut;
    private final NumberShape shape;
    private final NumberSlots.Painted slot;
    private final int slotObject;
    private final PdfName fontName;
    /** Each character a number of the shape can contain → its glyph id in the embedded font (2 bytes, Identity-H). */
    private final Map<Integer, byte[]> glyphs;
    private final Function<String, byte[]> renderWithNumber;

    NumberedPdf(byte[] laidOut, NumberShape shape, NumberSlots.Painted slot, Function<String, byte[]> renderWithNumber) {
        this.shape = shape;
        this.renderWithNumber = renderWithNumber;
        Placeholder placeholder = slot == null ? null : Placeholder.of(slot, shape);
        this.laidOut = placeholder == null ? null : laidOut;
        this.slot = placeholder == null ? null : slot;
        this.slotObject = placeholder == null ? 0 : slot.template().getIndirectReference().getNumber();
        this.fontName = placeholder == null ? null : placeholder.font();
        this.glyphs = placeholder == null ? Map.of() : placeholder.glyphs();
    }

    /** Whether the number will be filled in (true) or the document rendered again with it (false). */
    public boolean deferred() {
        return slot != null;
    }

    public byte[] withNumber(String number) {
        if (slot == null || !shape.fits(number)) {
            return renderWithNumber.apply(number);
        }
        try {
            PdfReader reader = new PdfReader(laidOut);
            PRStream xobject = (PRStream) PdfReader.getPdfObject(reader.getPdfObject(slotObject));
            xobject.setData(content(number).getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream(laidOut.length + 256);
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number as text in the slot's font, size, colour and alignment, on the baseline the layout gave it. */
    private String content(String number) {
        StringBuilder hex = new StringBuilder();
        number.codePoints().forEach(cp -> hex.append(HexFormat.of().formatHex(glyphs.get(cp))));
        float textWidth = slot.font().getWidthPoint(number, slot.size());
        float x = slot.align() == IdentValue.RIGHT ? slot.width() - textWidth
                : slot.align() == IdentValue.CENTER ? (slot.width() - textWidth) / 2 : 0;
        Color c = NumberSlots.awt(slot.color());
        return String.format(Locale.ROOT, "BT %.4f %.4f %.4f rg %s %.3f Tf %.3f %.3f Td <%s> Tj ET",
                c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f, fontName, slot.size(), x, slot.baseline(),
                hex);
    }

    /**
     * What the slot's template drew: the font resource name and, in order, the glyph of each character of
     * {@link NumberShape#characters()} (OpenPDF writes Identity-H text as 2-byte glyph ids and puts those glyphs in
     * the subset). Null if a character had no glyph, so the ids cannot be matched to characters.
     */
    private record Placeholder(PdfName font, Map<Integer, byte[]> glyphs) {

        static Placeholder of(NumberSlots.Painted slot, NumberShape shape) {
            try {
                byte[] content = slot.template().getInternalBuffer().toByteArray();
                PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
                List<PdfObject> operands = new ArrayList<>();
                PdfName font = null;
                byte[] shown = null;
                while (!parser.parse(operands).isEmpty()) {
                    String operator = ((PdfLiteral) operands.get(operands.size() - 1)).toString();
                    if (operator.equals("Tf")) {
                        font = (PdfName) operands.get(0);
                    } else if (operator.equals("Tj")) {
                        shown = ((PdfString) operands.get(0)).getOriginalBytes();
                    }
                }
                int[] characters = shape.characters().codePoints().toArray();
                if (font == null || shown == null || shown.length != 2 * characters.length) {
                    return null;
                }
                Map<Integer, byte[]> glyphs = new HashMap<>();
                for (int i = 0; i < characters.length; i++) {
                    glyphs.put(characters[i], new byte[] {shown[2 * i], shown[2 * i + 1]});
                }
                return new Placeholder(font, glyphs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package cn.yjzf.documents;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.parser.FSColor;
import org.xhtmlrenderer.css.parser.FSRGBColor;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

/**
 * Lays out the element marked {@link #ATTRIBUTE} as a box as wide as the widest number of its {@link NumberShape},
 * in the element's own font, size, colour and alignment, and paints it as an empty form XObject (a PdfTemplate)
 * reserved for the number. The template draws every character a number of the shape can contain, invisibly, so
 * that those glyphs are in the embedded font subset; {@link NumberedPdf} later replaces its content with the real
 * number. The number's width therefore cannot change line breaks or pagination.
 */
final class NumberSlots implements ReplacedElementFactory {

    static final String ATTRIBUTE = "data-document-number-slot";

    /** Where a slot was painted: its template (whose object number identifies it in the PDF) and how to fill it. */
    record Painted(PdfTemplate template, BaseFont font, float size, float width, float baseline, IdentValue align,
                   FSColor color) {
    }

    private final ReplacedElementFactory delegate;
    private final ITextOutputDevice device;
    private final NumberShape shape;
    private final List<Painted> painted = new ArrayList<>();

    NumberSlots(ReplacedElementFactory delegate, ITextOutputDevice device, NumberShape shape) {
        this.delegate = delegate;
        this.device = device;
        this.shape = shape;
    }

    List<Painted> painted() {
        return painted;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac, int cssWidth,
                                                 int cssHeight) {
        Element e = box.getElement();
        if (e != null && e.hasAttribute(ATTRIBUTE) && box.getStyle().getFSFont(c) instanceof ITextFSFont font) {
            return new Slot(box.getStyle(), font, c);
        }
        return delegate.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void remove(Element e) {
        delegate.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        delegate.setFormSubmissionListener(listener);
    }

    private final class Slot implements ITextReplacedElement {

        private final BaseFont font;
        private final float size;      // points
        private final float width;     // points
        private final float height;    // points
        private final float ascent;    // points, from the top of the box to the baseline
        private final IdentValue align;
        private final FSColor color;
        private final float dotsPerPoint;
        private Point location = new Point(0, 0);

        Slot(CalculatedStyle style, ITextFSFont fsFont, LayoutContext c) {
            this.dotsPerPoint = device.getDotsPerPoint();
            this.font = fsFont.getFontDescription().getFont();
            this.size = fsFont.getSize2D() / dotsPerPoint;
            float widestDigit = 0;
            for (char d : NumberShape.DIGITS.toCharArray()) {
                widestDigit = Math.max(widestDigit, font.getWidthPoint(d, size));
            }
            this.width = font.getWidthPoint(shape.before() + shape.after(), size) + NumberShape.MAX_DIGITS * widestDigit;
            // Exactly the box of a line of text in this style: as high as the line-height, the baseline where Flying
            // Saucer puts a text baseline in it (half the leading, which may be negative, above the font's ascent).
            // So the slot neither grows the line nor moves the baseline.
            float fontAscent = style.getFSFontMetrics(c).getAscent() / dotsPerPoint;
            float fontDescent = style.getFSFontMetrics(c).getDescent() / dotsPerPoint;
            this.height = style.getLineHeight(c) / dotsPerPoint;
            this.ascent = (height - fontAscent - fontDescent) / 2 + fontAscent;
            this.align = style.getIdent(CSSName.TEXT_ALIGN);
            this.color = style.getColor();
        }

        @Override
        public void paint(RenderingContext c, ITextOutputDevice outputDevice, BlockBox box) {
            Rectangle at = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
            PdfTemplate template = outputDevice.getWriter().getDirectContent().createTemplate(width, height);
            template.beginText();
            template.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_INVISIBLE);
            template.setFontAndSize(font, size);
            template.setTextMatrix(0, height - ascent);
            template.showText(shape.characters()); // puts the glyphs in the subset; replaced before the PDF is stored
            template.endText();
            try {
                outputDevice.drawImage(new ITextFSImage(Image.getInstance(template)).scale(at.width, at.height), at.x, at.y);
            } catch (BadElementException e) {
                throw new IllegalStateException(e);
            }
            // placed by now; a wider clip so glyphs taller than a tight line-height are not cut
            template.setBoundingBox(new com.lowagie.text.Rectangle(-height, -height, width + height, 2 * height));
            painted.add(new Painted(template, font, size, width, height - ascent, align, color));
        }

        @Override
        public int getIntrinsicWidth() {
            return Math.round(width * dotsPerPoint);
        }

        @Override
        public int getIntrinsicHeight() {
            return Math.round(height * dotsPerPoint);
        }

        @Override
        public Point getLocation() {
            return location;
        }

        @Override
        public void setLocation(int x, int y) {
            location = new Point(x, y);
        }

        @Override
        public void detach(LayoutContext c) {
        }

        @Override
        public boolean isRequiresInteractivePaint() {
            return false;
        }

        @Override
        public boolean hasBaseline() {
            return true;
        }

        @Override
        public int getBaseline() {
            return Math.round(ascent * dotsPerPoint);
        }
    }

    static java.awt.Color awt(FSColor color) {
        return color instanceof FSRGBColor rgb ? new java.awt.Color(rgb.getRed(), rgb.getGreen(), rgb.getBlue())
                : java.awt.Color.BLACK;
    }
}

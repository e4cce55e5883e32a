package cn.yjzf.documents;

import java.awt.Rectangle;
import java.awt.Shape;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.JustificationInfo;

/**
 * Drops text whose baseline lies outside the page's content area instead of writing it under a clip.
 * <p>
 * Flying Saucer paints, on the page a block left, the first line of a block it moved to the next page (a
 * {@code page-break-inside: avoid} block, an orphan/widow push) at its new position, i.e. in the bottom margin,
 * hidden only by the clip. The line was invisible but present twice in the PDF: at the foot of one page and at the
 * top of the next, so copy/paste, search and screen readers read it twice. CSS cannot prevent it, so the text is
 * not emitted at all. Real text never has its baseline outside the content area: lines are pushed whole, and the
 * page margin boxes (page numbers) are painted without a content clip.
 */
final class ClippedTextOutputDevice extends ITextOutputDevice {

    ClippedTextOutputDevice() {
        super(ITextRenderer.DEFAULT_DOTS_PER_POINT);
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        Shape clip = getClip();
        if (clip != null) {
            Rectangle bounds = clip.getBounds();
            if (y < bounds.getMinY() || y > bounds.getMaxY()) {
                return;
            }
        }
        super.drawString(s, x, y, info);
    }
}

package cn.yjzf.documents;

import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Renders a document template from case-templates/ (Thymeleaf, XML mode, so the output is the XHTML Flying Saucer
 * needs) to PDF with the Chinese font embedded. The font is read once and registered from memory: passing a path
 * makes OpenPDF re-read a 9 MB file for every document.
 */
@Service
public class PdfRenderer {

    /** The family name templates must use in CSS {@code font-family}. */
    public static final String FONT_FAMILY = "DocFont";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final DocumentsProperties properties;
    private final ResourceLoader resources;
    private volatile BaseFont font;

    PdfRenderer(DocumentsProperties properties, ResourceLoader resources) {
        this.properties = properties;
        this.resources = resources;
        AbstractConfigurableTemplateResolver resolver;
        if (Files.isDirectory(properties.templatesDir())) {
            resolver = new FileTemplateResolver();
            resolver.setPrefix(properties.templatesDir().toAbsolutePath() + "/");
            resolver.setCacheable(false); // templates are edited without restarting
        } else {
            resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("case-templates/");
        }
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    public byte[] render(DocumentType type, Map<String, Object> model) {
        String xhtml = templates.process(type.template(), new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
        ITextRenderer renderer = new ITextRenderer();
        // Flying Saucer reads the family description from this path (a file or classpath resource); glyphs come from
        // the BaseFont created once from bytes.
        renderer.getFontResolver().addFont(font(), properties.font().replaceFirst("^(classpath|file):", ""), FONT_FAMILY);
        renderer.setDocumentFromString(xhtml);
        renderer.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.createPDF(out);
        return out.toByteArray();
    }

    private BaseFont font() {
        BaseFont f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    try (InputStream in = resources.getResource(properties.font()).getInputStream()) {
                        byte[] bytes = in.readAllBytes();
                        String name = properties.font().toLowerCase().endsWith(".otf") ? "doc-font.otf" : "doc-font.ttf";
                        font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
                    } catch (IOException e) {
                        throw new UncheckedIOException("无法读取文书字体 " + properties.font(), e);
                    }
                }
                f = font;
            }
        }
        return f;
    }
}

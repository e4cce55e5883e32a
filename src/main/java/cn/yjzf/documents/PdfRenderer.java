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
 * needs) to PDF with the Chinese fonts embedded. Each font is read once and registered from memory: passing a path
 * makes OpenPDF re-read a 9 MB file for every document. Bold text uses a real bold face registered as its own family
 * ({@link #BOLD_FAMILY}), so templates never rely on Flying Saucer's simulated bold.
 */
@Service
public class PdfRenderer {

    /** The family name templates must use in CSS {@code font-family}. */
    public static final String FONT_FAMILY = "DocFont";
    /** The family of the real bold face (app.documents.bold-font); use with font-weight: normal. */
    public static final String BOLD_FAMILY = "DocFontBold";
    /** The family of the title face (app.documents.title-font), e.g. a licensed 方正小标宋. */
    public static final String TITLE_FAMILY = "DocTitleFont";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final DocumentsProperties properties;
    private final ResourceLoader resources;
    private final Map<String, BaseFont> fonts = new java.util.concurrent.ConcurrentHashMap<>();

    public PdfRenderer(DocumentsProperties properties, ResourceLoader resources) {
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
        return renderTemplate(type.template(), model);
    }

    /** Renders a case-templates/ template that is not itself a numbered document (e.g. the 案卷首页 and 卷内目录). */
    public byte[] renderTemplate(String template, Map<String, Object> model) {
        String xhtml = templates.process(template, new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, new ClippedTextOutputDevice());
        // Flying Saucer reads the family description from this path (a file or classpath resource); glyphs come from
        // the BaseFont created once from bytes.
        register(renderer, properties.font(), FONT_FAMILY);
        register(renderer, properties.boldFont(), BOLD_FAMILY);
        register(renderer, properties.titleFont(), TITLE_FAMILY);
        renderer.setDocumentFromString(xhtml);
        renderer.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.createPDF(out);
        return out.toByteArray();
    }

    /** The embedded body face, for text stamped onto finished PDFs (page numbers, captions). */
    public BaseFont bodyFont() {
        return font(properties.font());
    }

    private void register(ITextRenderer renderer, String location, String family) {
        renderer.getFontResolver().addFont(font(location), location.replaceFirst("^(classpath|file):", ""), family);
    }

    private BaseFont font(String location) {
        return fonts.computeIfAbsent(location, PdfRenderer.this::load);
    }

    private BaseFont load(String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            byte[] bytes = in.readAllBytes();
            String name = location.toLowerCase().endsWith(".otf") ? "doc-font.otf" : "doc-font.ttf";
            // not OpenPDF's name-keyed cache: every face here has the same synthetic name; this map is the cache
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取文书字体 " + location, e);
        }
    }
}

package cn.yjzf.documents;

import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Renders a document template from case-templates/ (Thymeleaf, XML mode, so the output is the XHTML Flying Saucer
 * needs) to PDF with the Chinese fonts embedded. Each font is read once and registered from memory: passing a path
 * makes OpenPDF re-read a 9 MB file for every document. Bold text uses a real bold face registered as its own family
 * ({@link #BOLD_FAMILY}), so templates never rely on Flying Saucer's simulated bold.
 */
@Service
public class PdfRenderer {

    /**
     * What a template is given as the document number by {@link #renderNumbered}: private-use characters that no real
     * data contains, replaced by the reserved room before layout.
     */
    public static final String NUMBER_SLOT = "\uE000\uE001";
    /** {@link #NUMBER_SLOT} as Thymeleaf prints it: as is, or as character references (XML mode escapes non-ASCII). */
    private static final java.util.regex.Pattern PRINTED_SLOT = java.util.regex.Pattern.compile(
            "(?:\uE000|&#[xX][eE]000;|&#57344;)(?:\uE001|&#[xX][eE]001;|&#57345;)");

    /** The family name templates must use in CSS {@code font-family}. */
    public static final String FONT_FAMILY = "DocFont";
    /** The family of the real bold face (app.documents.bold-font); use with font-weight: normal. */
    public static final String BOLD_FAMILY = "DocFontBold";
    /** The family of the title face (app.documents.title-font), e.g. a licensed 方正小标宋. */
    public static final String TITLE_FAMILY = "DocTitleFont";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    /** Renders a template's text as given (issued documents are re-rendered from their stored version). */
    private final SpringTemplateEngine fromText = new SpringTemplateEngine();
    private final DocumentsProperties properties;
    private final ResourceLoader resources;
    private final Map<String, BaseFont> fonts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, FontFamily> families;

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
        StringTemplateResolver text = new StringTemplateResolver();
        text.setTemplateMode(TemplateMode.XML);
        text.setCacheable(false);
        fromText.setTemplateResolver(text);
    }

    public byte[] render(DocumentType type, Map<String, Object> model) {
        return renderTemplate(type.template(), model);
    }

    /** Renders a case-templates/ template that is not itself a numbered document (e.g. the 案卷首页 and 卷内目录). */
    public byte[] renderTemplate(String template, Map<String, Object> model) {
        String xhtml = templates.process(template, new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
        return toPdf(xhtml);
    }

    /**
     * The template's current text, read afresh (a maintainer edits it without a restart) from app.documents.templates-dir,
     * or from the classpath when that directory is absent.
     */
    public TemplateText template(DocumentType type) {
        String file = type.template() + ".html";
        try {
            byte[] bytes;
            if (Files.isDirectory(properties.templatesDir())) {
                bytes = Files.readAllBytes(properties.templatesDir().resolve(file));
            } else {
                try (InputStream in = resources.getResource("classpath:case-templates/" + file).getInputStream()) {
                    bytes = in.readAllBytes();
                }
            }
            String source = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            return new TemplateText("case-templates/" + file, source, Hashes.sha256(source));
        } catch (IOException e) {
            throw new TemplateBrokenException("case-templates/" + file, 0, 0, "模板文件无法读取");
        }
    }

    /**
     * Renders exactly the given template text, so an issued document can be re-rendered with the version it was
     * issued with. A template that fails to parse or render is reported naming its file and line
     * ({@link TemplateBrokenException}).
     */
    public byte[] renderText(TemplateText template, Map<String, Object> model) {
        return layout(template, process(template, model), renderer -> { });
    }

    /**
     * Renders the template text with the document number left open: {@code model} is asked for the model with the
     * number given as {@link #NUMBER_SLOT}; where the template prints it, room for the widest number of the
     * {@code shape} is laid out and reserved, and {@link NumberedPdf#withNumber} fills it in later (while the counter is
     * locked, after the slow layout and drawing are done). A broken template fails here, before any number is drawn.
     */
    public NumberedPdf renderNumbered(TemplateText template, NumberShape shape,
                                      java.util.function.Function<String, Map<String, Object>> model) {
        java.util.function.Function<String, byte[]> classic = number -> renderText(template, model.apply(number));
        String xhtml = process(template, model.apply(NUMBER_SLOT));
        java.util.regex.Matcher at = PRINTED_SLOT.matcher(xhtml);
        boolean once = shape != null && at.find() && !PRINTED_SLOT.matcher(xhtml).region(at.end(), xhtml.length()).find()
                && xhtml.lastIndexOf('<', at.start()) < xhtml.lastIndexOf('>', at.start()); // as text, not inside a tag
        if (!once) {
            return new NumberedPdf(null, shape, null, classic);
        }
        String slotted = xhtml.substring(0, at.start()) + "<span " + NumberSlots.ATTRIBUTE
                + "=\"\" style=\"display: inline-block\"></span>" + xhtml.substring(at.end());
        NumberSlots[] slots = new NumberSlots[1];
        byte[] laidOut = layout(template, slotted, renderer -> {
            slots[0] = new NumberSlots(renderer.getSharedContext().getReplacedElementFactory(),
                    renderer.getOutputDevice(), shape);
            renderer.getSharedContext().setReplacedElementFactory(slots[0]);
        });
        List<NumberSlots.Painted> painted = slots[0].painted();
        // e.g. in a hidden or page-spanning element: no single room to fill, so render with the number instead
        return painted.size() == 1 ? new NumberedPdf(laidOut, shape, painted.get(0), classic)
                : new NumberedPdf(null, shape, null, classic);
    }

    private String process(TemplateText template, Map<String, Object> model) {
        try {
            return fromText.process(template.source(), new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
        } catch (TemplateEngineException e) {
            int[] at = position(e);
            throw new TemplateBrokenException(template.name(), at[0], at[1], problem(e));
        }
    }

    private byte[] layout(TemplateText template, String xhtml, java.util.function.Consumer<ITextRenderer> setUp) {
        try {
            return toPdf(xhtml, setUp);
        } catch (RuntimeException e) { // Flying Saucer: well-formed XML it still cannot lay out
            throw new TemplateBrokenException(template.name(), 0, 0, String.valueOf(e.getMessage()));
        }
    }

    /** Line and column from the first exception in the chain that knows them (the parser's or the processor's). */
    private static int[] position(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TemplateProcessingException p && p.getLine() != null) {
                return new int[] {p.getLine(), p.getCol() == null ? 0 : p.getCol()};
            }
        }
        return new int[] {0, 0};
    }

    /** The engine's own words without the template text it quotes (the whole source, for a text template). */
    private static String problem(TemplateEngineException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? e.getClass().getSimpleName() : root.getMessage();
        int quote = m.indexOf("(template: ");
        m = quote >= 0 ? m.substring(0, quote).trim() : m;
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    /** Marks every page of a draft with a large diagonal 草稿 (no number is drawn for a draft). */
    public byte[] watermark(byte[] pdf, String text) {
        try {
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            com.lowagie.text.pdf.PdfStamper stamper = new com.lowagie.text.pdf.PdfStamper(reader, out);
            BaseFont font = font(properties.boldFont());
            com.lowagie.text.pdf.PdfGState translucent = new com.lowagie.text.pdf.PdfGState();
            translucent.setFillOpacity(0.25f);
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                com.lowagie.text.Rectangle size = reader.getPageSize(i);
                com.lowagie.text.pdf.PdfContentByte over = stamper.getOverContent(i);
                over.saveState();
                over.setGState(translucent);
                over.beginText();
                over.setFontAndSize(font, 120);
                over.setColorFill(java.awt.Color.GRAY);
                over.showTextAligned(com.lowagie.text.Element.ALIGN_CENTER, text, size.getWidth() / 2,
                        size.getHeight() / 2 - 40, 45);
                over.endText();
                over.restoreState();
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] toPdf(String xhtml) {
        return toPdf(xhtml, renderer -> { });
    }

    private byte[] toPdf(String xhtml, java.util.function.Consumer<ITextRenderer> setUp) {
        ITextFontResolver fontResolver = new ITextFontResolver();
        fontResolver.getFonts().putAll(fontFamilies());
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, new ClippedTextOutputDevice(), fontResolver);
        setUp.accept(renderer);
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

    /**
     * The font families, described once. {@code ITextFontResolver.addFont} re-reads the whole font file from its path
     * to describe it (underline/strike-out metrics), i.e. about 25 MB read and copied per document with the default
     * Noto faces; the descriptions are read-only afterwards, so every renderer shares them.
     */
    private Map<String, FontFamily> fontFamilies() {
        Map<String, FontFamily> described = families;
        if (described == null) {
            synchronized (this) {
                if (families == null) {
                    ITextFontResolver resolver = new ITextFontResolver();
                    register(resolver, properties.font(), FONT_FAMILY);
                    register(resolver, properties.boldFont(), BOLD_FAMILY);
                    register(resolver, properties.titleFont(), TITLE_FAMILY);
                    families = Map.copyOf(resolver.getFonts());
                }
                described = families;
            }
        }
        return described;
    }

    // Flying Saucer reads the family description from this path (a file or classpath resource); glyphs come from the
    // BaseFont created once from bytes.
    private void register(ITextFontResolver resolver, String location, String family) {
        resolver.addFont(font(location), location.replaceFirst("^(classpath|file):", ""), family);
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

package cn.yjzf.documents;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.documents.*}: where templates live, which font is embedded, and the document-number pattern.
 * The default font is Noto Sans SC (SIL OFL) from a Maven Central jar; a bureau points {@code font} at its licensed
 * 仿宋/宋体 TTF with e.g. {@code file:/opt/fonts/fangsong.ttf}.
 * The number pattern is configurable because the ministry's numbering format is not verified (legal-facts §7.3).
 */
@ConfigurationProperties("app.documents")
public record DocumentsProperties(Path templatesDir, String font, String numberPattern) {

    public DocumentsProperties {
        templatesDir = templatesDir == null ? Path.of("case-templates") : templatesDir;
        font = font == null ? "classpath:com/github/xingfudeshi/fonts/思源黑体正常_0.ttf" : font;
        numberPattern = numberPattern == null ? "{agency}{code}〔{year}〕{seq}号" : numberPattern;
    }

    public String number(String agencyShortName, DocumentType type, int year, int seq) {
        return numberPattern.replace("{agency}", agencyShortName).replace("{code}", type.code())
                .replace("{year}", Integer.toString(year)).replace("{seq}", Integer.toString(seq));
    }
}

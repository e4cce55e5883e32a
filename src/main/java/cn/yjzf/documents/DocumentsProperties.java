package cn.yjzf.documents;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.documents.*}: where templates live, which fonts are embedded, and how documents are numbered.
 * The default fonts are Noto Sans SC Regular (body) and Medium (bold and title), SIL OFL, from a Maven Central jar;
 * a bureau points {@code font} / {@code title-font} at its licensed 仿宋_GB2312 / 方正小标宋 with e.g.
 * {@code file:/opt/fonts/fangsong.ttf}. The number pattern and sequence scope are configurable because numbering
 * practice differs by agency and the ministry's format is not verified (legal-facts §7.3, casework-facts §5).
 * Pattern placeholders: {机关代字} {文书代字} {年份} {序号} {执法证号} (English aliases {agency} {code} {year} {seq} {officer}).
 */
@ConfigurationProperties("app.documents")
public record DocumentsProperties(Path templatesDir, String font, String boldFont, String titleFont,
                                  String numberPattern, SequenceScope sequenceScope) {

    public static final String NOTO_REGULAR = "classpath:com/github/xingfudeshi/fonts/思源黑体正常_0.ttf";
    public static final String NOTO_MEDIUM = "classpath:com/github/xingfudeshi/fonts/思源黑体中粗.ttf";

    public DocumentsProperties {
        templatesDir = templatesDir == null ? Path.of("case-templates") : templatesDir;
        font = font == null ? NOTO_REGULAR : font;
        // a configured body font without a configured bold face gets no borrowed bold from another family
        boldFont = boldFont == null ? (NOTO_REGULAR.equals(font) ? NOTO_MEDIUM : font) : boldFont;
        titleFont = titleFont == null ? (NOTO_REGULAR.equals(font) ? NOTO_MEDIUM : font) : titleFont;
        numberPattern = numberPattern == null ? "{机关代字}{文书代字}〔{年份}〕{序号}号" : numberPattern;
        sequenceScope = sequenceScope == null ? SequenceScope.DOCUMENT_TYPE : sequenceScope;
        if (sequenceScope == SequenceScope.OFFICER && !numberPattern.contains("{执法证号}")
                && !numberPattern.contains("{officer}")) {
            // two officers' 1号 would otherwise read the same
            throw new IllegalArgumentException(
                    "app.documents.number-pattern 必须包含 {执法证号}，因为 app.documents.sequence-scope=OFFICER");
        }
    }

    public String number(String agencyShortName, DocumentType type, int year, int seq) {
        return number(agencyShortName, type, year, seq, "");
    }

    public String number(String agencyShortName, DocumentType type, int year, int seq, String officerCode) {
        return format(agencyShortName, type, year, Integer.toString(seq), officerCode);
    }

    /** What every number of this counter looks like, its serial still open (the PDF is laid out before it is drawn). */
    public NumberShape shape(String agencyShortName, DocumentType type, int year, String officerCode) {
        String marker = "\u0000";
        String[] parts = format(agencyShortName, type, year, marker, officerCode).split(marker, -1);
        return parts.length == 2 ? new NumberShape(parts[0], parts[1]) : null; // a pattern without exactly one {序号}
    }

    private String format(String agencyShortName, DocumentType type, int year, String seq, String officerCode) {
        String code = officerCode == null ? "" : officerCode;
        return numberPattern
                .replace("{机关代字}", agencyShortName).replace("{agency}", agencyShortName)
                .replace("{文书代字}", type.code()).replace("{code}", type.code())
                .replace("{年份}", Integer.toString(year)).replace("{year}", Integer.toString(year))
                .replace("{序号}", seq).replace("{seq}", seq)
                .replace("{执法证号}", code).replace("{officer}", code);
    }
}

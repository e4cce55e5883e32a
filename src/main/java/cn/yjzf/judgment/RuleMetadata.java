package cn.yjzf.judgment;

import java.util.List;

/** The metadata keys every hazard rule carries (e.g. {@code @article("第六条")}). */
public final class RuleMetadata {

    public static final String STANDARD = "standard";
    public static final String DOCUMENT_NUMBER = "documentNumber";
    public static final String ARTICLE = "article";
    public static final String ITEM = "item";
    public static final String TITLE = "title";
    public static final String VERIFICATION = "verification";
    public static final String SOURCE = "source";

    /** Keys without which a rule is refused by the coverage gate. {@code item} may be empty for whole articles. */
    public static final List<String> REQUIRED = List.of(STANDARD, DOCUMENT_NUMBER, ARTICLE, ITEM, TITLE, VERIFICATION, SOURCE);

    private RuleMetadata() {
    }
}

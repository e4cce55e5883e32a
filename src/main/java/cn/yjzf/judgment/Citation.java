package cn.yjzf.judgment;

import java.util.Map;

/**
 * Where a grade comes from: the standard (name and number), article and item, as declared in the
 * metadata of the rule that produced it.
 */
public record Citation(String rule, String standard, String documentNumber, String article, String item,
                       String title, String verification, String source) {

    public static Citation fromMetadata(String rule, Map<String, Object> meta) {
        return new Citation(rule, text(meta, RuleMetadata.STANDARD), text(meta, RuleMetadata.DOCUMENT_NUMBER),
                text(meta, RuleMetadata.ARTICLE), text(meta, RuleMetadata.ITEM), text(meta, RuleMetadata.TITLE),
                text(meta, RuleMetadata.VERIFICATION), text(meta, RuleMetadata.SOURCE));
    }

    private static String text(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        return v == null ? "" : v.toString();
    }

    /**
     * Rule metadata writes {@code @article("正文")} for a standard whose items are numbered directly in its text
     * (e.g. 安监总管三〔2017〕121号 has no 条): cited as "第（四）项", not "正文第（四）项".
     */
    public static final String NO_ARTICLE = "正文";

    /** 《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第六条第（一）项 */
    public String display() {
        StringBuilder sb = new StringBuilder("《").append(standard).append("》");
        if (!documentNumber.isBlank()) {
            sb.append("（").append(documentNumber).append("）");
        }
        return sb.append(reference(article, item)).toString();
    }

    /** "第六条第（一）项", "第（四）项" for a standard without articles, "第三条" for a whole article. */
    public static String reference(String article, String item) {
        String a = article == null || NO_ARTICLE.equals(article) ? "" : article;
        return a + (item == null || item.isBlank() ? "" : "第" + item + "项");
    }

    /** The item's wording was taken from a secondary source (🟡): a reviewer should check it against the official text. */
    public boolean fromSecondarySource() {
        return verification != null && verification.contains("🟡");
    }
}

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

    /** 《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第六条第（一）项 */
    public String display() {
        StringBuilder sb = new StringBuilder("《").append(standard).append("》");
        if (!documentNumber.isBlank()) {
            sb.append("（").append(documentNumber).append("）");
        }
        sb.append(article);
        if (!item.isBlank()) {
            sb.append("第").append(item).append("项");
        }
        return sb.toString();
    }
}

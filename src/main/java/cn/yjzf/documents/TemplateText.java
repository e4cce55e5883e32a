package cn.yjzf.documents;

/** One version of a document template: its file name, its text and the text's SHA-256 (the template version). */
public record TemplateText(String name, String source, String sha256) {
}

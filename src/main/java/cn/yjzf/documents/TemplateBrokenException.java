package cn.yjzf.documents;

import cn.yjzf.common.ConflictException;

/**
 * A document template in case-templates/ that does not parse or render. The step that would issue the document is
 * refused (409 {@code TEMPLATE_BROKEN}) naming the file and line, its transaction rolls back, so nothing is stored
 * and no number is consumed.
 */
public class TemplateBrokenException extends ConflictException {

    public static final String CODE = "TEMPLATE_BROKEN";

    private final String templateFile;
    private final int line;

    TemplateBrokenException(String templateFile, int line, int col, String problem) {
        super(CODE, "文书模板 " + templateFile + (line > 0 ? " 第" + line + "行" + (col > 0 ? "第" + col + "列" : "") : "")
                + " 有错误，无法生成文书，请维护人员修正模板后重试：" + problem);
        this.templateFile = templateFile;
        this.line = line;
    }

    public String templateFile() {
        return templateFile;
    }

    /** 1-based; 0 when the renderer did not say. */
    public int line() {
        return line;
    }
}

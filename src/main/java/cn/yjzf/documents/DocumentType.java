package cn.yjzf.documents;

/** 执法文书 types: the 文书代字 in the number and the template in case-templates/. */
public enum DocumentType {
    RECTIFICATION_ORDER("责令限期整改指令书", "责改", "rectification-order"),
    INSPECTION_RECORD("现场检查记录", "检记", "inspection-record"),
    /** The 案卷 itself: its 归档号 (casework-facts §5, numbering code 案); the template is its 首页. */
    CASE_FILE("案卷", "案", "case-file-cover"),
    REINSPECTION_OPINION("整改复查意见书", "复查", "reinspection-opinion"),
    SITE_MEASURES_DECISION("现场处理措施决定书", "现决", "site-measures-decision");

    private final String title;
    private final String code;
    private final String template;

    DocumentType(String title, String code, String template) {
        this.title = title;
        this.code = code;
        this.template = template;
    }

    public String title() {
        return title;
    }

    /** 文书代字, e.g. 责改 in 衢应急责改〔2025〕3号. */
    public String code() {
        return code;
    }

    public String template() {
        return template;
    }
}

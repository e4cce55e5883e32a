package cn.yjzf.documents;

/**
 * 执法文书 types: the 文书代字 in the number and the template in case-templates/. The codes are one Jiangsu system's
 * convention (casework-facts §5, 🟡); a type without a code (笔录, 意见书) is issued without a number.
 */
public enum DocumentType {
    RECTIFICATION_ORDER("责令限期整改指令书", "责改", "rectification-order"),
    INSPECTION_RECORD("现场检查记录", "检记", "inspection-record"),
    // the penalty case (issue 13), in filing order
    CASE_FILING("立案审批表", "立", "case-filing"),
    INQUIRY_NOTICE("询问通知书", "询", "inquiry-notice"),
    INQUIRY_RECORD("询问笔录", null, "inquiry-record"),
    SITE_EXAMINATION_RECORD("勘验笔录", null, "site-examination-record"),
    INVESTIGATION_REPORT("案件调查终结报告", "终报", "investigation-report"),
    LEGAL_REVIEW_OPINION("行政处罚法制审核意见书", null, "legal-review-opinion"),
    COLLECTIVE_DISCUSSION("行政处罚集体讨论记录", "罚集", "collective-discussion"),
    HANDLING_APPROVAL("案件处理呈批表", "处呈", "handling-approval"),
    PENALTY_NOTICE("行政处罚告知书", "罚告", "penalty-notice"),
    HEARING_NOTICE("听证告知书", "听告", "hearing-notice"),
    STATEMENT_RECORD("当事人陈述申辩笔录", null, "statement-record"),
    HEARING_RECORD("听证笔录", null, "hearing-record"),
    PENALTY_DECISION_ORGANISATION("行政处罚决定书（单位）", "罚", "penalty-decision-organisation", "PENALTY_DECISION"),
    PENALTY_DECISION_INDIVIDUAL("行政处罚决定书（个人）", "罚", "penalty-decision-individual", "PENALTY_DECISION"),
    SERVICE_RECEIPT("文书送达回执", "回", "service-receipt"),
    ENFORCEMENT_REMINDER("行政强制执行事先催告书", "执行催告", "enforcement-reminder"),
    CASE_CLOSING("结案审批表", "结", "case-closing"),
    /** The 案卷 itself: its 归档号 (casework-facts §5, numbering code 案); the template is its 首页. */
    CASE_FILE("案卷", "案", "case-file-cover"),
    REINSPECTION_OPINION("整改复查意见书", "复查", "reinspection-opinion"),
    SITE_MEASURES_DECISION("现场处理措施决定书", "现决", "site-measures-decision"),
    // issue 13, second part: 简易程序, 移送, execution and the hearing meeting. The 当场决定书 must be numbered
    // (行政处罚法第五十二条) and is a 行政处罚决定书, so it shares the 罚 counter; 移送 and 听证会通知书 have no code in
    // casework-facts §5, so they are not numbered until an agency's code is known.
    SUMMARY_DECISION_ORGANISATION("当场行政处罚决定书（单位）", "罚", "summary-penalty-decision", "PENALTY_DECISION"),
    SUMMARY_DECISION_INDIVIDUAL("当场行政处罚决定书（个人）", "罚", "summary-penalty-decision", "PENALTY_DECISION"),
    TRANSFER_APPROVAL("案件移送审批表", null, "transfer-approval"),
    CRIMINAL_CASE_TRANSFER("涉嫌犯罪案件移送书", null, "criminal-case-transfer"),
    PAYMENT_ARRANGEMENT_APPROVAL("延期（分期）缴纳罚款批准书", "缴批", "payment-arrangement-approval"),
    COURT_ENFORCEMENT_APPLICATION("强制执行申请书", "强执", "court-enforcement-application"),
    HEARING_MEETING_NOTICE("听证会通知书", null, "hearing-meeting-notice");

    private final String title;
    private final String code;
    private final String template;
    private final String counter;

    DocumentType(String title, String code, String template) {
        this(title, code, template, null);
    }

    /** {@code counter}: types sharing a 文书代字 (决定书 单位/个人) share one counter, or their numbers would repeat. */
    DocumentType(String title, String code, String template, String counter) {
        this.title = title;
        this.code = code;
        this.template = template;
        this.counter = counter;
    }

    /** The key of this type's counter in {@code document_sequence}. */
    public String counter() {
        return counter == null ? name() : counter;
    }

    /** Numbered types carry a 文书代字; 笔录 and 意见书 are not numbered. */
    public boolean numbered() {
        return code != null;
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

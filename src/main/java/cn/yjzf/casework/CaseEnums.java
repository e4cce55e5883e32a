package cn.yjzf.casework;

/** Small value types of a penalty case. */
public final class CaseEnums {

    private CaseEnums() {
    }

    public enum Outcome {
        PENALTY("给予行政处罚"), NO_PENALTY("不予行政处罚"), REVOKE("撤销立案"), TERMINATE("终止调查");

        private final String label;

        Outcome(String label) { this.label = label; }

        public String label() { return label; }
    }

    public enum PartyType {
        ORGANISATION("法人或者其他组织"), INDIVIDUAL("公民");

        private final String label;

        PartyType(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** 一般程序 or 简易程序 (当场处罚, 行政处罚法第五十一条). */
    public enum Procedure { GENERAL, SUMMARY }

    public enum Source {
        HAZARD("检查发现隐患"), OVERDUE_RECTIFICATION("逾期未整改"), COMPLAINT("投诉举报"), REFERRAL("移送或交办");

        private final String label;

        Source(String label) { this.label = label; }

        public String label() { return label; }
    }

    public enum TransferDecision { TRANSFER, NO_TRANSFER }

    public enum ActKind {
        INTERROGATION("询问笔录"), SITE_EXAMINATION("勘验笔录"), EVIDENCE("证据材料"), INVESTIGATION_REPORT("调查终结报告"),
        NOTICE("行政处罚告知书"), HEARING_NOTICE("听证告知书"), STATEMENT("陈述申辩笔录"), HEARING_RECORD("听证笔录"),
        COLLECTIVE_DISCUSSION("集体讨论记录"), DECISION("行政处罚决定书"), SUMMARY_DECISION("当场行政处罚决定书"),
        SERVICE_RECEIPT("文书送达回执"), PAYMENT("罚款缴纳"), ENFORCEMENT_APPLICATION("强制执行申请书"),
        TRANSFER_DECISION("案件移送审批");

        private final String label;

        ActKind(String label) { this.label = label; }

        public String label() { return label; }
    }
}

package cn.yjzf.casefile;

import cn.yjzf.documents.ChineseDates;
import java.time.LocalDate;
import java.util.List;

/** Everything a 案卷 binds: the cover's header, the documents, the decision record and the attachments. */
public record CaseFileContent(Header header, List<Document> documents, DecisionRecord decisionRecord,
                              List<Attachment> attachments) {

    public CaseFileContent {
        documents = List.copyOf(documents);
        attachments = List.copyOf(attachments);
    }

    /**
     * 案卷首页 fields (casework-facts §5): 卷宗编号, 案件名称, 案由, 处理结果 citing 条/款/项, 立案/结案 dates, 承办人, 归档日期,
     * 归档号, 保存期限. Unknown values are null and print as blank lines to fill in by hand.
     */
    public record Header(String agencyName, String fileNo, String caseName, String cause, String result,
                         LocalDate filedOn, LocalDate closedOn, List<String> handlers, LocalDate archivedOn,
                         String archiveNo, String retention) {

        public Header {
            handlers = handlers == null ? List.of() : List.copyOf(handlers);
        }

        public String filedOnText() {
            return ChineseDates.format(filedOn);
        }

        public String closedOnText() {
            return ChineseDates.format(closedOn);
        }

        public String archivedOnText() {
            return ChineseDates.format(archivedOn);
        }
    }

    /** An issued document as served: its PDF is bound as it is. */
    public record Document(String title, String documentNo, LocalDate date, byte[] pdf, String remark) {
    }

    /** Evidence uploaded to the case: a JPEG/PNG photo becomes one page, a PDF is merged page by page. */
    public record Attachment(String name, String contentType, byte[] bytes, LocalDate date) {
    }

    /** 决策记录: what the decision rested on, as the case and its 裁量 proposal recorded it. */
    public record DecisionRecord(String facts, String outcome, String penalty, List<String> citations,
                                 List<String> firedRules, List<String> ruleSets, List<String> discretionTables,
                                 List<String> notes) {

        public DecisionRecord {
            citations = citations == null ? List.of() : List.copyOf(citations);
            firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
            ruleSets = ruleSets == null ? List.of() : List.copyOf(ruleSets);
            discretionTables = discretionTables == null ? List.of() : List.copyOf(discretionTables);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }
}

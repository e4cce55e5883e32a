package cn.yjzf.casefile;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The order documents are filed in (casework-facts §5, 🟡): most agencies file chronologically (立案 → 调查 → 告知 →
 * 申辩/听证 → 呈批 → 集体讨论 → 决定 → 执行 → 结案); 天津 2009 puts the 行政处罚决定书 first (legal-facts §7). Configured per
 * agency ({@code app.casefile.filing-order}, {@code app.casefile.agency-filing-order.<agencyId>}).
 */
public enum FilingOrder {
    CHRONOLOGICAL,
    /** The 决定书 first, the others chronologically after it (the rest of 天津's fixed sequence is not encoded). */
    DECISION_FIRST;

    private static final Comparator<CaseFileContent.Document> BY_DATE = Comparator.comparing(
            CaseFileContent.Document::date, Comparator.nullsLast(Comparator.naturalOrder()));

    List<CaseFileContent.Document> arrange(List<CaseFileContent.Document> documents) {
        // stable sort: documents of the same day keep the order they were issued in
        List<CaseFileContent.Document> byDate = documents.stream().sorted(BY_DATE).toList();
        if (this == CHRONOLOGICAL) {
            return byDate;
        }
        return Stream.concat(byDate.stream().filter(FilingOrder::isDecision),
                byDate.stream().filter(d -> !isDecision(d))).toList();
    }

    private static boolean isDecision(CaseFileContent.Document d) {
        return d.title() != null && d.title().contains("处罚决定书");
    }
}

package cn.yjzf.rectification;

import java.util.List;

/**
 * What the 整改复查意见书 and the 现场处理措施决定书 print (templates reinspection-opinion.html and
 * site-measures-decision.html, model {@code doc}); stored as the document's data snapshot, so the document can be
 * rendered again from it. Dates are already written the Chinese way.
 */
public record FollowUpDocument(String agencyName, String documentNo, String title, String enterpriseName,
                               String creditCode, String address, String orderNo, String orderDate, String inspectionDate,
                               List<Item> items, List<String> measures, String note, List<OrderDocument.Officer> officers,
                               String issueDate) {

    /** An order item: its hazard and, in a 复查意见书, the re-inspection result and the new deadline if it failed. */
    public record Item(int seq, String description, String grade, String result, String opinion, String newDeadline) {
    }
}

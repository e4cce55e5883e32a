package cn.yjzf.casedocuments;

import static cn.yjzf.casedocuments.CaseDocumentData.date;
import static cn.yjzf.casedocuments.CaseDocumentData.money;

import cn.yjzf.casework.CaseExecution;
import cn.yjzf.casework.CourtApplication;
import cn.yjzf.casework.Decision;
import cn.yjzf.casework.PaymentArrangement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The execution keys of a case document's model: the approved 延期（分期）缴纳 arrangement (批准书), and for the
 * 强制执行申请书 what 行政强制法第五十五条 asks the application to state — the 催告 served, the court applied to and the
 * amount to enforce. Always present, empty when the case has none.
 */
final class ExecutionData {

    private ExecutionData() {
    }

    static void put(Map<String, Object> d, CaseExecution.ExecutionState e) {
        PaymentArrangement approved = e == null ? null : e.arrangements().stream()
                .filter(a -> a.getStatus() == Decision.APPROVED).reduce((a, b) -> b).orElse(null);
        Map<String, Object> arrangement = new LinkedHashMap<>();
        arrangement.put("kind", approved == null ? "" : approved.getKind().label());
        arrangement.put("reason", approved == null ? "" : nz(approved.getReason()));
        arrangement.put("appliedOn", approved == null ? "" : date(approved.getAppliedOn()));
        arrangement.put("decidedOn", approved == null ? "" : date(approved.getDecidedOn()));
        arrangement.put("note", approved == null ? "" : nz(approved.getDecisionNote()));
        arrangement.put("instalments", approved == null ? List.of() : approved.getInstalments().stream().map(i -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", Integer.toString(i.getSeq()));
            row.put("dueOn", date(i.getDueOn()));
            row.put("amount", money(i.getAmount()));
            return row;
        }).toList());
        d.put("arrangement", arrangement);
        CourtApplication court = e == null ? null : e.applications().stream().reduce((a, b) -> b).orElse(null);
        d.put("court", court == null ? "" : nz(court.getCourt()));
        d.put("courtAppliedOn", court == null ? "" : date(court.getAppliedOn()));
        d.put("demands", e == null ? List.of() : e.demands().stream().map(x -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("servedOn", date(x.getServedOn()));
            row.put("content", nz(x.getContent()));
            return row;
        }).toList());
        d.put("outstanding", e == null ? "" : money(e.outstanding()));
        d.put("lateFee", e == null ? "" : money(e.lateFee()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

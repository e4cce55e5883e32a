package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.Outcome;
import cn.yjzf.casework.CaseEnums.TransferDecision;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One step on a case. {@code version} is the case version the user saw: a stale one is refused (409
 * {@code CONCURRENT_EDIT}), so of two people acting on the same task exactly one succeeds.
 */
public record CaseCommand(
        @NotNull Action action,
        @NotNull Long version,
        @Size(max = 1000) String reason,
        LocalDate on,
        Stage target,
        Outcome outcome,
        @Size(max = 60) String proposalRef, // the stored penalty proposal's number (/api/penalty-proposals/{id})
        @Size(max = 300) String penalty,
        @DecimalMin("0") BigDecimal fine,
        @DecimalMin("0") BigDecimal bandMin,
        @DecimalMin("0") BigDecimal bandMax,
        @Size(max = 2000) String reasoning,
        @Size(max = 1000) String deviationReason,
        Boolean legalReviewRequired,
        Boolean collectiveRequired,
        Boolean hearingQualifies,
        @Size(max = 2000) String collectiveRecord,
        @DecimalMin("0.01") BigDecimal amount,
        Boolean waived,
        TransferDecision transfer,
        Long assigneeId) {

    public enum Action {
        SUBMIT_FILING("提交立案审批"), APPROVE("审批通过"), RETURN("退回"), CONCLUDE_INVESTIGATION("调查终结"),
        SUBMIT("案件处理呈批"), SERVE_NOTICE("送达行政处罚告知书"), REQUEST_HEARING("登记听证申请"),
        RECORD_HEARING("登记听证"), CONCLUDE_STATEMENT("陈述申辩/听证完毕"), DECIDE("作出行政处罚决定"),
        SERVE_DECISION("送达决定书"), RECORD_PAYMENT("登记缴款"), APPLY_ENFORCEMENT("申请法院强制执行"),
        REQUEST_CLOSING("申请结案"), FLAG_CRIMINAL("标记涉嫌犯罪"), DECIDE_TRANSFER("移送审批"), REASSIGN("改派待办");

        private final String label;

        Action(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** The same step with the proposal's figures in place of whatever was sent for them (see {@link ProposalBinding}). */
    CaseCommand withProposal(String ref, String penalty, BigDecimal fine, BigDecimal bandMin, BigDecimal bandMax,
                             String reasoning) {
        return new CaseCommand(action, version, reason, on, target, outcome, ref, penalty, fine, bandMin, bandMax,
                reasoning, deviationReason, legalReviewRequired, collectiveRequired, hearingQualifies, collectiveRecord,
                amount, waived, transfer, assigneeId);
    }

    public static CaseCommand of(Action action, long version) {
        return new CaseCommand(action, version, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}

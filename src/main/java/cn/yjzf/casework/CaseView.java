package cn.yjzf.casework;

import cn.yjzf.casework.facts.Missing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as the API and the case page show it: state, current holder, proposal, history, deadlines, what is missing. */
public record CaseView(Long id, long version, String stage, String stageLabel, String procedure, String partyName,
                       String partyType, String matterCode, String cause, String actingMode, String issuingName,
                       String outcome, String proposedPenalty, BigDecimal proposedFine, BigDecimal bandMin,
                       BigDecimal bandMax, boolean deviates, String deviationReason, String proposalReasoning,
                       BigDecimal noticedFine, boolean legalReviewRequired, boolean collectiveRequired,
                       boolean hearingQualifies, LocalDate filedOn, LocalDate decidedOn, LocalDate closedOn,
                       boolean criminalFlag, String criminalTrigger, String transferDecision, List<String> tiers,
                       List<String> returnTargets, Task task, List<Step> history, List<Act> acts,
                       List<CaseDeadlines.Deadline> deadlines, List<Missing> missing) {

    public record Task(Long id, long version, String stage, String stageLabel, String holder, LocalDate dueOn) {
    }

    /** {@code rulesVersion}: the procedure rule version that checked the step (null when the rules do not check it). */
    public record Step(Instant at, String action, String from, String to, String actor, String role, String reason,
                       String rulesVersion) {
    }

    public record Act(String kind, LocalDate performedOn, String summary, List<Long> officerIds) {
    }
}

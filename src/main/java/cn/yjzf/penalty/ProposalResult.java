package cn.yjzf.penalty;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a proposal request; stored whole with the proposal. {@code rulesVersion} is the penalty rule version
 * (rule release and hash of {@code rules/penalty/}) that computed it.
 */
public record ProposalResult(Long id, long version, List<ViolationProposal> violations, long totalUnitFine,
        List<ThresholdCheck> thresholds, List<String> notes, String rulesVersion) {

    /** Both 从旧兼从轻 computations for one violation and which applies. */
    public record ViolationProposal(int index, String violationCode, String title, String dutyArticle, String penaltyArticle,
            Computation atViolationDate, Computation atDecisionDate, String applied, String appliedReason,
            boolean combinedAway, String combinationNote) {

        public Computation appliedComputation() {
            return "decisionDate".equals(applied) ? atDecisionDate : atViolationDate;
        }
    }

    /**
     * One computation: law and 基准 in force on {@code date}, level, ranges, suggestion, measures, flags, citations
     * and reasons in plain Chinese.
     */
    public record Computation(LocalDate date, String ruleSet, String table, String tableLabel, boolean officialTable,
            String accidentLevel, String tier, List<Range> statutory, Range unitRange, Range personRange,
            Long suggestedUnit, Long suggestedPerson, String discretion, List<String> measures, List<String> flags,
            List<String> citations, List<String> reasons, List<String> firedRules) {
    }

    /** A yuan range for a subject with its legal basis. */
    public record Range(String subject, long min, long max, String text, String citation) {

        public boolean contains(long amount) {
            return amount >= min && amount <= max;
        }
    }

    /** Whether the proposed penalty reaches a procedure's threshold; "未配置" when no data exists. */
    public record ThresholdCheck(String purpose, String subjectType, String outcome, String source) {
    }
}

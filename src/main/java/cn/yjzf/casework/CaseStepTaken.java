package cn.yjzf.casework;

import java.time.LocalDate;

/**
 * Published inside the transaction of every case step and investigative act, before it commits: listeners (the case
 * documents) act in the same transaction, and a listener that fails refuses the step. {@code action} is a
 * {@link CaseCommand.Action} name, or {@code ACT} for an investigative act ({@code actId} set).
 */
public record CaseStepTaken(Long caseId, String action, Stage before, Stage after, LocalDate on, Long actorId,
                            Long actId, boolean waived) {
}

package cn.yjzf.publication;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A decided penalty case waiting for publication: why it is listed (the threshold reached and its source, or that
 * none is configured) and the day it is due ({@code exact} false when a year's calendar is missing).
 */
public record Candidate(Long caseId, String party, String partyType, String cause, String penalty, BigDecimal fine,
                        LocalDate decidedOn, LocalDate dueOn, boolean dueExact, boolean overdue, String basis) {
}

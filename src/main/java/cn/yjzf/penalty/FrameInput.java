package cn.yjzf.penalty;

import cn.yjzf.penalty.facts.Accident;
import cn.yjzf.penalty.facts.Circumstances;
import cn.yjzf.penalty.facts.EnforcementHistory;
import cn.yjzf.penalty.facts.Offence;

/**
 * What the frame rules are asked about one violation, in the shape scenarios and the API share. Missing parts are
 * simply not inserted (no accident, no circumstances recorded, no history).
 */
public record FrameInput(OffenceSpec offence, AccidentSpec accident, CircumstanceSpec circumstances, HistorySpec history) {

    public record OffenceSpec(String frame, String stage, boolean causedAccident, Long illegalIncome,
            boolean seriousCircumstances, boolean especiallySerious, boolean absconded, boolean finedAndStillUncorrected) {

        Offence fact() {
            return new Offence(frame, stage == null ? Offence.FIRST : stage, causedAccident, illegalIncome,
                    seriousCircumstances, especiallySerious, absconded, finedAndStillUncorrected);
        }
    }

    public record AccidentSpec(int deaths, int seriousInjuries, long directLoss) {

        Accident fact() {
            return new Accident(deaths, seriousInjuries, directLoss);
        }
    }

    public record CircumstanceSpec(boolean minor, boolean correctedInTime, boolean noHarm, boolean firstOffence,
            boolean harmMinor, boolean onFirstOffenceList, boolean noFault, boolean eliminatedHarm, boolean coerced,
            boolean confessed, boolean meritorious) {

        Circumstances fact() {
            return new Circumstances(minor, correctedInTime, noHarm, firstOffence, harmMinor, onFirstOffenceList, noFault,
                    eliminatedHarm, coerced, confessed, meritorious);
        }

        CircumstanceSpec withFirstOffenceList(boolean listed) {
            return new CircumstanceSpec(minor, correctedInTime, noHarm, firstOffence, harmMinor, listed, noFault,
                    eliminatedHarm, coerced, confessed, meritorious);
        }
    }

    public record HistorySpec(boolean majorHazard, int majorHazardPenaltiesIn180Days, int majorHazardPenaltiesInOneYear,
            boolean stillUnsafeAfterSuspension, boolean lacksSafetyConditions, boolean refusedSuspension) {

        EnforcementHistory fact() {
            return new EnforcementHistory(majorHazard, majorHazardPenaltiesIn180Days, majorHazardPenaltiesInOneYear,
                    stillUnsafeAfterSuspension, lacksSafetyConditions, refusedSuspension);
        }
    }
}

package cn.yjzf.penalty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The officer page's form: a mutable bean for Thymeleaf binding, turned into the same {@link ProposalRequest} the API
 * takes (so the page gets the same validation). Rows without a violation code are ignored.
 */
public class ProposalForm {

    public static final int ROWS = 3;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate violationDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate decisionDate;
    private List<Row> violations = new ArrayList<>();

    public ProposalForm() {
        while (violations.size() < ROWS) {
            violations.add(new Row());
        }
    }

    /** The form filled from a request (e.g. one pre-filled from a hazard). */
    public static ProposalForm of(ProposalRequest r) {
        ProposalForm f = new ProposalForm();
        f.violationDate = r.violationDate();
        f.decisionDate = r.decisionDate();
        f.violations.clear();
        for (ProposalRequest.ViolationRequest v : r.violations()) {
            Row row = new Row();
            row.violationCode = v.violationCode();
            row.stage = v.stage();
            row.act = v.act();
            row.hazardId = v.hazardId();
            row.majorHazard = v.history() != null && v.history().majorHazard();
            f.violations.add(row);
        }
        while (f.violations.size() < ROWS) {
            f.violations.add(new Row());
        }
        return f;
    }

    public ProposalRequest toRequest() {
        List<ProposalRequest.ViolationRequest> out = new ArrayList<>();
        for (Row r : violations) {
            if (r.violationCode == null || r.violationCode.isBlank()) {
                continue;
            }
            boolean accident = r.deaths != null || r.seriousInjuries != null || r.directLoss != null;
            out.add(new ProposalRequest.ViolationRequest(r.violationCode, blankToNull(r.stage), blankToNull(r.act), r.hazardId,
                    r.metricValue, r.annualIncome, r.illegalIncome, r.causedAccident, r.seriousCircumstances,
                    r.especiallySerious, r.absconded, r.finedAndStillUncorrected,
                    accident ? new ProposalRequest.AccidentInput(orZero(r.deaths), orZero(r.seriousInjuries),
                            r.directLoss == null ? 0 : r.directLoss) : null,
                    new FrameInput.CircumstanceSpec(r.minor, r.correctedInTime, r.noHarm, r.firstOffence, r.harmMinor, false,
                            r.noFault, r.eliminatedHarm, r.coerced, r.confessed, r.meritorious),
                    new FrameInput.HistorySpec(r.majorHazard, orZero(r.penaltiesIn180Days), orZero(r.penaltiesInOneYear),
                            r.stillUnsafeAfterSuspension, r.lacksSafetyConditions, r.refusedSuspension)));
        }
        return new ProposalRequest(violationDate, decisionDate, out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    public LocalDate getViolationDate() { return violationDate; }

    public void setViolationDate(LocalDate violationDate) { this.violationDate = violationDate; }

    public LocalDate getDecisionDate() { return decisionDate; }

    public void setDecisionDate(LocalDate decisionDate) { this.decisionDate = decisionDate; }

    public List<Row> getViolations() { return violations; }

    public void setViolations(List<Row> violations) { this.violations = violations; }

    /** One violation row of the form. */
    public static class Row {
        private String violationCode;
        private String stage;
        private String act;
        private Long hazardId;
        private Long metricValue;
        private Long annualIncome;
        private Long illegalIncome;
        private boolean causedAccident;
        private boolean seriousCircumstances;
        private boolean especiallySerious;
        private boolean absconded;
        private boolean finedAndStillUncorrected;
        private Integer deaths;
        private Integer seriousInjuries;
        private Long directLoss;
        private boolean minor;
        private boolean correctedInTime;
        private boolean noHarm;
        private boolean firstOffence;
        private boolean harmMinor;
        private boolean noFault;
        private boolean eliminatedHarm;
        private boolean coerced;
        private boolean confessed;
        private boolean meritorious;
        private boolean majorHazard;
        private Integer penaltiesIn180Days;
        private Integer penaltiesInOneYear;
        private boolean stillUnsafeAfterSuspension;
        private boolean lacksSafetyConditions;
        private boolean refusedSuspension;

        public String getViolationCode() { return violationCode; }
        public void setViolationCode(String v) { violationCode = v; }
        public String getStage() { return stage; }
        public void setStage(String v) { stage = v; }
        public String getAct() { return act; }
        public void setAct(String v) { act = v; }
        public Long getHazardId() { return hazardId; }
        public void setHazardId(Long v) { hazardId = v; }
        public Long getMetricValue() { return metricValue; }
        public void setMetricValue(Long v) { metricValue = v; }
        public Long getAnnualIncome() { return annualIncome; }
        public void setAnnualIncome(Long v) { annualIncome = v; }
        public Long getIllegalIncome() { return illegalIncome; }
        public void setIllegalIncome(Long v) { illegalIncome = v; }
        public boolean isCausedAccident() { return causedAccident; }
        public void setCausedAccident(boolean v) { causedAccident = v; }
        public boolean isSeriousCircumstances() { return seriousCircumstances; }
        public void setSeriousCircumstances(boolean v) { seriousCircumstances = v; }
        public boolean isEspeciallySerious() { return especiallySerious; }
        public void setEspeciallySerious(boolean v) { especiallySerious = v; }
        public boolean isAbsconded() { return absconded; }
        public void setAbsconded(boolean v) { absconded = v; }
        public boolean isFinedAndStillUncorrected() { return finedAndStillUncorrected; }
        public void setFinedAndStillUncorrected(boolean v) { finedAndStillUncorrected = v; }
        public Integer getDeaths() { return deaths; }
        public void setDeaths(Integer v) { deaths = v; }
        public Integer getSeriousInjuries() { return seriousInjuries; }
        public void setSeriousInjuries(Integer v) { seriousInjuries = v; }
        public Long getDirectLoss() { return directLoss; }
        public void setDirectLoss(Long v) { directLoss = v; }
        public boolean isMinor() { return minor; }
        public void setMinor(boolean v) { minor = v; }
        public boolean isCorrectedInTime() { return correctedInTime; }
        public void setCorrectedInTime(boolean v) { correctedInTime = v; }
        public boolean isNoHarm() { return noHarm; }
        public void setNoHarm(boolean v) { noHarm = v; }
        public boolean isFirstOffence() { return firstOffence; }
        public void setFirstOffence(boolean v) { firstOffence = v; }
        public boolean isHarmMinor() { return harmMinor; }
        public void setHarmMinor(boolean v) { harmMinor = v; }
        public boolean isNoFault() { return noFault; }
        public void setNoFault(boolean v) { noFault = v; }
        public boolean isEliminatedHarm() { return eliminatedHarm; }
        public void setEliminatedHarm(boolean v) { eliminatedHarm = v; }
        public boolean isCoerced() { return coerced; }
        public void setCoerced(boolean v) { coerced = v; }
        public boolean isConfessed() { return confessed; }
        public void setConfessed(boolean v) { confessed = v; }
        public boolean isMeritorious() { return meritorious; }
        public void setMeritorious(boolean v) { meritorious = v; }
        public boolean isMajorHazard() { return majorHazard; }
        public void setMajorHazard(boolean v) { majorHazard = v; }
        public Integer getPenaltiesIn180Days() { return penaltiesIn180Days; }
        public void setPenaltiesIn180Days(Integer v) { penaltiesIn180Days = v; }
        public Integer getPenaltiesInOneYear() { return penaltiesInOneYear; }
        public void setPenaltiesInOneYear(Integer v) { penaltiesInOneYear = v; }
        public boolean isStillUnsafeAfterSuspension() { return stillUnsafeAfterSuspension; }
        public void setStillUnsafeAfterSuspension(boolean v) { stillUnsafeAfterSuspension = v; }
        public boolean isLacksSafetyConditions() { return lacksSafetyConditions; }
        public void setLacksSafetyConditions(boolean v) { lacksSafetyConditions = v; }
        public boolean isRefusedSuspension() { return refusedSuspension; }
        public void setRefusedSuspension(boolean v) { refusedSuspension = v; }
    }
}

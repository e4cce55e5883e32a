package cn.yjzf.casework.facts;

/**
 * What the procedure rules see of a case when someone asks to take a step ({@code action}). Plain booleans and
 * counts computed by the service (dates on the working-day calendar), so the DRL needs only plain conditions.
 * Unset fields mean "not done"; scenarios set what they need.
 */
public class CaseFacts {

    private String action;
    private String outcome = "PENALTY";
    private int investigativeActs;
    private int uncertifiedActs;
    private boolean legalReviewRequired;
    private boolean legalReviewDone;
    private boolean collectiveRequired;
    private boolean collectiveRecorded;
    private boolean noticeServed;
    private boolean hearingQualifies;
    private boolean hearingRequested;
    private boolean hearingRequestLate;
    private boolean hearingHeld;
    private boolean hearingWindowOpen;
    private boolean rightsWaived;
    private boolean statementConcluded;
    private boolean heavierThanNoticed;
    private boolean decisionServed;
    private boolean executionDone;
    private boolean criminalFlag;
    private boolean transferDecided;
    private boolean signerCertified = true;
    private boolean deviationWithoutReason;
    private boolean summaryWithinLimits = true;
    /** 行政强制法: a 催告书 served; its 10 working days over; the party's 复议/诉讼 windows over (第五十三、五十四条). */
    private boolean demandServed;
    private boolean demandWaitOver;
    private boolean remedyWindowsOver;

    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public int getInvestigativeActs() { return investigativeActs; }
    public void setInvestigativeActs(int v) { this.investigativeActs = v; }
    public int getUncertifiedActs() { return uncertifiedActs; }
    public void setUncertifiedActs(int v) { this.uncertifiedActs = v; }
    public boolean isLegalReviewRequired() { return legalReviewRequired; }
    public void setLegalReviewRequired(boolean v) { this.legalReviewRequired = v; }
    public boolean isLegalReviewDone() { return legalReviewDone; }
    public void setLegalReviewDone(boolean v) { this.legalReviewDone = v; }
    public boolean isCollectiveRequired() { return collectiveRequired; }
    public void setCollectiveRequired(boolean v) { this.collectiveRequired = v; }
    public boolean isCollectiveRecorded() { return collectiveRecorded; }
    public void setCollectiveRecorded(boolean v) { this.collectiveRecorded = v; }
    public boolean isNoticeServed() { return noticeServed; }
    public void setNoticeServed(boolean v) { this.noticeServed = v; }
    public boolean isHearingQualifies() { return hearingQualifies; }
    public void setHearingQualifies(boolean v) { this.hearingQualifies = v; }
    public boolean isHearingRequested() { return hearingRequested; }
    public void setHearingRequested(boolean v) { this.hearingRequested = v; }
    public boolean isHearingRequestLate() { return hearingRequestLate; }
    public void setHearingRequestLate(boolean v) { this.hearingRequestLate = v; }
    public boolean isHearingHeld() { return hearingHeld; }
    public void setHearingHeld(boolean v) { this.hearingHeld = v; }
    public boolean isHearingWindowOpen() { return hearingWindowOpen; }
    public void setHearingWindowOpen(boolean v) { this.hearingWindowOpen = v; }
    public boolean isRightsWaived() { return rightsWaived; }
    public void setRightsWaived(boolean v) { this.rightsWaived = v; }
    public boolean isStatementConcluded() { return statementConcluded; }
    public void setStatementConcluded(boolean v) { this.statementConcluded = v; }
    public boolean isHeavierThanNoticed() { return heavierThanNoticed; }
    public void setHeavierThanNoticed(boolean v) { this.heavierThanNoticed = v; }
    public boolean isDecisionServed() { return decisionServed; }
    public void setDecisionServed(boolean v) { this.decisionServed = v; }
    public boolean isExecutionDone() { return executionDone; }
    public void setExecutionDone(boolean v) { this.executionDone = v; }
    public boolean isCriminalFlag() { return criminalFlag; }
    public void setCriminalFlag(boolean v) { this.criminalFlag = v; }
    public boolean isTransferDecided() { return transferDecided; }
    public void setTransferDecided(boolean v) { this.transferDecided = v; }
    public boolean isSignerCertified() { return signerCertified; }
    public void setSignerCertified(boolean v) { this.signerCertified = v; }
    public boolean isDeviationWithoutReason() { return deviationWithoutReason; }
    public void setDeviationWithoutReason(boolean v) { this.deviationWithoutReason = v; }
    public boolean isSummaryWithinLimits() { return summaryWithinLimits; }
    public void setSummaryWithinLimits(boolean v) { this.summaryWithinLimits = v; }
    public boolean isDemandServed() { return demandServed; }
    public void setDemandServed(boolean v) { this.demandServed = v; }
    public boolean isDemandWaitOver() { return demandWaitOver; }
    public void setDemandWaitOver(boolean v) { this.demandWaitOver = v; }
    public boolean isRemedyWindowsOver() { return remedyWindowsOver; }
    public void setRemedyWindowsOver(boolean v) { this.remedyWindowsOver = v; }
}

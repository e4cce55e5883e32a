package cn.yjzf.casedocuments;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * The hearing meeting of a case (行政处罚法第六十四条): when and where, and who chairs it. Rescheduling changes it under
 * the optimistic lock; the 听证会通知书 issued from it is superseded by the next one.
 */
@Entity
class HearingSchedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private LocalDate hearingOn;
    private String startTime;
    private String place;
    private Long chairId;
    private String chairName;
    private LocalDate notifiedOn;
    private Long scheduledBy;
    @Version
    private long version;

    protected HearingSchedule() {
    }

    HearingSchedule(Long caseId) {
        this.caseId = caseId;
    }

    void set(LocalDate hearingOn, String startTime, String place, Long chairId, String chairName, LocalDate notifiedOn,
             Long scheduledBy) {
        this.hearingOn = hearingOn;
        this.startTime = startTime;
        this.place = place;
        this.chairId = chairId;
        this.chairName = chairName;
        this.notifiedOn = notifiedOn;
        this.scheduledBy = scheduledBy;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    LocalDate getHearingOn() { return hearingOn; }
    String getStartTime() { return startTime; }
    String getPlace() { return place; }
    Long getChairId() { return chairId; }
    String getChairName() { return chairName; }
    LocalDate getNotifiedOn() { return notifiedOn; }
    long getVersion() { return version; }
}

package cn.yjzf.casework;

import cn.yjzf.common.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** 申请人民法院强制执行 (行政强制法第五十三、五十四条): when, to which court, and the court's result once known. */
@Entity
public class CourtApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private LocalDate appliedOn;
    private String court;
    private String result;
    private LocalDate resultOn;
    private Long recordedBy;
    private Instant recordedAt;
    @Version
    private long version;

    protected CourtApplication() {
    }

    CourtApplication(Long caseId, LocalDate appliedOn, String court, Long recordedBy) {
        this.caseId = caseId;
        this.appliedOn = appliedOn;
        this.court = court;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now();
    }

    void result(String result, LocalDate on) {
        if (this.result != null) {
            throw new ConflictException("ALREADY_RECORDED", "法院处理结果已登记");
        }
        this.result = result;
        this.resultOn = on;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public LocalDate getAppliedOn() { return appliedOn; }
    public String getCourt() { return court; }
    public String getResult() { return result; }
    public LocalDate getResultOn() { return resultOn; }
    public long getVersion() { return version; }
}

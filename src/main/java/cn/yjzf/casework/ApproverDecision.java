package cn.yjzf.casework;

import cn.yjzf.common.ConflictException;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** The 负责人's one-time decision on an application (办案期限 extension, 延期/分期 payment). */
@Embeddable
public class ApproverDecision {

    @Enumerated(EnumType.STRING)
    private Decision status = Decision.PENDING;
    private Long decidedBy;
    private LocalDate decidedOn;
    private String decisionNote;

    void decide(boolean approve, Long by, LocalDate on, String note, String what) {
        if (status != Decision.PENDING) {
            throw new ConflictException("ALREADY_DECIDED", "该" + what + "已" + status.label());
        }
        status = approve ? Decision.APPROVED : Decision.REFUSED;
        decidedBy = by;
        decidedOn = on;
        decisionNote = note;
    }

    public Decision getStatus() { return status; }
    public Long getDecidedBy() { return decidedBy; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public String getDecisionNote() { return decisionNote; }
}

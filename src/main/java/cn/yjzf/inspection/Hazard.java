package cn.yjzf.inspection;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleSetRef;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * 事故隐患: the graded result of one finding, with everything needed to explain and reproduce it years later —
 * citations, fired rules, the rule sets (id, version, hash) and the date they were chosen for. A finding the engine
 * could not match keeps that engine grade; an officer's manual grade is recorded beside it with the reason.
 */
@Entity
public class Hazard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long findingId;
    @Enumerated(EnumType.STRING)
    private HazardGrade engineGrade;
    @Enumerated(EnumType.STRING)
    private HazardGrade grade;
    @Convert(converter = CitationListConverter.class)
    private List<Citation> citations;
    private String firedRules;
    private String ruleSets;
    private LocalDate asOf;
    private String engineReason;
    private String manualReason;
    @Column(name = "manual_by")
    private Long manualBy;
    private Instant judgedAt;
    @Version
    private long version;

    protected Hazard() {
    }

    Hazard(Long findingId, JudgmentResult r) {
        this.findingId = findingId;
        this.engineGrade = r.grade();
        this.grade = r.grade();
        this.citations = r.citations();
        this.firedRules = String.join(",", r.firedRules());
        this.ruleSets = String.join(";", r.ruleSets().stream().map(RuleSetRef::display).toList());
        this.asOf = r.asOf();
        this.engineReason = r.reason();
        this.judgedAt = Instant.now();
    }

    /** Grades a finding the rules could not match; the reason is mandatory and kept with the officer's id. */
    void gradeManually(HazardGrade manual, String reason, Long by) {
        if (engineGrade != HazardGrade.UNMATCHED) {
            throw new ConflictException("ALREADY_GRADED", "该隐患已由判定规则定级，不能人工改定");
        }
        if (manual == HazardGrade.UNMATCHED) {
            throw new InvalidInputException("grade", "INVALID_GRADE", "人工判定只能定为重大事故隐患或一般事故隐患");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "REQUIRED", "请填写人工判定的理由和依据");
        }
        this.grade = manual;
        this.manualReason = reason.trim();
        this.manualBy = by;
    }

    public boolean isGraded() {
        return grade != HazardGrade.UNMATCHED;
    }

    public Long getId() { return id; }

    public Long getFindingId() { return findingId; }

    public HazardGrade getEngineGrade() { return engineGrade; }

    public HazardGrade getGrade() { return grade; }

    public List<Citation> getCitations() { return citations; }

    public List<String> getFiredRules() {
        return firedRules.isEmpty() ? List.of() : Arrays.asList(firedRules.split(","));
    }

    public List<String> getRuleSets() {
        return ruleSets.isEmpty() ? List.of() : Arrays.asList(ruleSets.split(";"));
    }

    public LocalDate getAsOf() { return asOf; }

    public String getEngineReason() { return engineReason; }

    public String getManualReason() { return manualReason; }

    public Long getManualBy() { return manualBy; }

    public Instant getJudgedAt() { return judgedAt; }

    public long getVersion() { return version; }
}

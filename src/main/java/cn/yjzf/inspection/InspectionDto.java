package cn.yjzf.inspection;

import cn.yjzf.judgment.Citation;
import cn.yjzf.judgment.HazardGrade;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An inspection with its findings and their judgments, as the API returns it. */
public record InspectionDto(Long id, Long enterpriseId, String enterpriseName, LocalDate inspectionDate, String place,
                            Inspection.Status status, List<OfficerDto> officers, List<FindingDto> findings,
                            long version) {

    public record OfficerDto(Long id, String name, String certificateNo) {
    }

    /** A finding: the officer's description (what the order prints), the answers it was judged on, its judgment. */
    public record FindingDto(int seq, Long id, String checklistGroup, String description, String location,
                             Map<String, String> answers, HazardDto hazard, long version) {

        static FindingDto of(FindingView v) {
            Finding f = v.finding();
            return new FindingDto(v.seq(), f.getId(), f.getChecklistGroup(), f.getDescription(), f.getLocation(),
                    f.getAnswers(), HazardDto.of(v.hazard()), f.getVersion());
        }
    }

    /** The judgment: grade, its label and citations; how it was reached (rule ids, rule-set hashes) in {@code details}. */
    public record HazardDto(Long id, HazardGrade grade, String gradeLabel, HazardGrade engineGrade,
                            List<Citation> citations, String reason, String manualReason, JudgmentDetails details,
                            long version) {

        static HazardDto of(Hazard h) {
            return new HazardDto(h.getId(), h.getGrade(), h.getGrade().label(), h.getEngineGrade(), h.getCitations(),
                    h.getEngineReason(), h.getManualReason(),
                    new JudgmentDetails(h.getFiredRules(), h.getRuleSets(), h.getAsOf()), h.getVersion());
        }
    }

    /** For reproducing a judgment: the rules that fired and the exact rule sets (id@version#sha256) as of a date. */
    public record JudgmentDetails(List<String> firedRules, List<String> ruleSets, LocalDate asOf) {
    }

    static InspectionDto of(InspectionView v) {
        Inspection i = v.inspection();
        return new InspectionDto(i.getId(), i.getEnterpriseId(), v.enterprise().getName(), i.getInspectionDate(),
                i.getPlace(), i.getStatus(),
                v.officers().stream().map(o -> new OfficerDto(o.getId(), o.getFullName(), o.getCertificateNo())).toList(),
                v.findings().stream().map(FindingDto::of).toList(), i.getVersion());
    }
}

package cn.yjzf.inspection;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.organisation.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewording a finding's description — the sentence the 责令限期整改指令书 prints — by a member of the inspection,
 * while it is open. Optimistic-locked and audited with the old and new wording; the judgment is not touched, since it
 * rests on the answers, not on the words.
 */
@Service
public class FindingDescriptions {

    private final InspectionService inspections;
    private final FindingRepository findings;
    private final InspectionMembers members;
    private final AuditTrail audit;

    FindingDescriptions(InspectionService inspections, FindingRepository findings, InspectionMembers members,
                        AuditTrail audit) {
        this.inspections = inspections;
        this.findings = findings;
        this.members = members;
        this.audit = audit;
    }

    @Transactional
    public Finding reword(CurrentUser user, Long inspectionId, Long findingId, FindingDescription cmd) {
        Inspection i = inspections.get(user.jurisdiction(), inspectionId);
        members.requireRecorder(user, i);
        i.requireOpen();
        Finding f = findings.findById(findingId).filter(x -> x.getInspectionId().equals(i.getId()))
                .orElseThrow(() -> new NotFoundException("检查发现"));
        if (cmd.version() == null || f.getVersion() != cmd.version()) {
            throw new ConflictException("CONCURRENT_EDIT", "该检查发现已被他人修改，请刷新后重试");
        }
        String wording = cmd.description() == null ? "" : cmd.description().trim();
        if (wording.isEmpty()) {
            throw new InvalidInputException("description", "REQUIRED", "请填写隐患描述");
        }
        if (wording.length() > 2000) {
            throw new InvalidInputException("description", "LENGTH", "隐患描述不超过2000字");
        }
        String before = f.getDescription();
        f.describe(wording);
        Finding saved = findings.saveAndFlush(f);
        audit.record(user.username(), "FINDING_DESCRIBED", "Finding", f.getId(),
                "原：" + abbreviate(before) + " → 新：" + abbreviate(wording));
        return saved;
    }

    /** Both wordings fit the audit detail column (4000 characters). */
    private static String abbreviate(String s) {
        return s.length() <= 1900 ? s : s.substring(0, 1900) + "…";
    }
}

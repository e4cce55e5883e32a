package cn.yjzf.inspection;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.ForbiddenException;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who is on an inspection and who may record on it. Members are enforcement staff (执法人员 or 乡镇委托执法人员)
 * of the agency holding a 执法证 valid on the inspection date; a township enforcer only within their own township.
 * Only a member, still certified on the inspection date, may add, grade or describe its findings or issue its
 * order — reviewers and approvers review, they do not record.
 */
@Component
public class InspectionMembers {

    private final AppUserRepository users;
    private final InspectionDelegation delegation;
    private final cn.yjzf.audit.AuditTrail audit;

    InspectionMembers(AppUserRepository users, InspectionDelegation delegation, cn.yjzf.audit.AuditTrail audit) {
        this.users = users;
        this.delegation = delegation;
        this.audit = audit;
    }

    /** May hold a 执法证 role: 执法人员 or 乡镇委托执法人员. */
    public static boolean isEnforcer(AppUser u) {
        return u.getRoles().contains(Role.OFFICER) || u.getRoles().contains(Role.TOWNSHIP_ENFORCER);
    }

    /** Staff who may be put on an inspection of {@code enterprise} on {@code date}, for the form's choices. */
    public boolean eligible(AppUser u, Enterprise enterprise, LocalDate date) {
        return u.isEnabled() && isEnforcer(u) && u.getAgencyId().equals(enterprise.getAgencyId())
                && u.isCertifiedOn(date) && withinTownship(u, enterprise);
    }

    private static boolean withinTownship(AppUser u, Enterprise enterprise) {
        return !u.getRoles().contains(Role.TOWNSHIP_ENFORCER) || u.getRoles().contains(Role.OFFICER)
                || (u.getTownshipId() != null && u.getTownshipId().equals(enterprise.getTownshipId()));
    }

    /** The members of a new inspection: those chosen, plus a township enforcer who opens it (they are on it). */
    Set<Long> membersOf(CurrentUser opener, Set<Long> chosen) {
        Set<Long> members = new LinkedHashSet<>(chosen);
        if (opener.has(Role.TOWNSHIP_ENFORCER)) {
            members.add(opener.id());
        }
        return members;
    }

    /** Why each proposed member may not be on the inspection (empty when all may). */
    List<FieldProblem> problems(Set<Long> memberIds, Enterprise enterprise, LocalDate date) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Long id : memberIds) {
            AppUser u = users.findById(id).orElse(null);
            if (u == null || !u.getAgencyId().equals(enterprise.getAgencyId())) {
                problems.add(new FieldProblem("officerIds", "UNKNOWN_OFFICER", "执法人员（编号" + id + "）不属于本机关"));
            } else if (!u.isEnabled()) {
                problems.add(new FieldProblem("officerIds", "OFFICER_DISABLED", u.getFullName() + "的账号已停用，不能作为检查人员"));
            } else if (!isEnforcer(u)) {
                problems.add(new FieldProblem("officerIds", "NOT_AN_ENFORCER",
                        u.getFullName() + "不是执法人员（法制审核人员、负责人等不能作为检查人员）"));
            } else if (!u.isCertifiedOn(date)) {
                problems.add(new FieldProblem("officerIds", "OFFICER_NOT_CERTIFIED",
                        u.getFullName() + "在检查日期没有有效的执法证，不能作为检查人员"));
            } else if (!withinTownship(u, enterprise)) {
                problems.add(new FieldProblem("officerIds", "OFFICER_OUT_OF_TOWNSHIP",
                        u.getFullName() + "是其他乡镇（街道）的委托执法人员，不能检查本企业"));
            }
        }
        return problems;
    }

    /** Whether {@code user} may add, grade or describe findings of {@code i} (for pages to offer the forms). */
    public boolean mayRecord(CurrentUser user, Inspection i) {
        return refusal(user, i) == null;
    }

    /** 403 unless {@code user} is a certified enforcement member of {@code i}. Call after the jurisdiction check. */
    public void requireRecorder(CurrentUser user, Inspection i) {
        ForbiddenException refused = refusal(user, i);
        if (refused != null) {
            audit.recordSeparately(user.username(), "INSPECTION_FORBIDDEN", "Inspection", i.getId(),
                    refused.code() + "：" + refused.getMessage());
            throw refused;
        }
    }

    private ForbiddenException refusal(CurrentUser user, Inspection i) {
        boolean enforcer = user.has(Role.OFFICER) || user.has(Role.TOWNSHIP_ENFORCER);
        if (!enforcer || !i.getOfficerIds().contains(user.id())) {
            return new ForbiddenException("NOT_AN_INSPECTING_OFFICER",
                    "只有参加本次检查的执法人员可以记录、判定检查发现或下达整改指令");
        }
        boolean certified = users.findById(user.id()).map(u -> u.isCertifiedOn(i.getInspectionDate())).orElse(false);
        if (!certified) {
            return new ForbiddenException("OFFICER_NOT_CERTIFIED",
                    "您在检查日期没有有效的执法证，不能记录、判定检查发现或下达整改指令");
        }
        return delegation.refusal(user, i.getTownshipId(), i.getInspectionDate());
    }
}

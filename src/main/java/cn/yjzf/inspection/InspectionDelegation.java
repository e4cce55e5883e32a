package cn.yjzf.inspection;

import cn.yjzf.common.AppTime;
import cn.yjzf.common.ForbiddenException;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Delegations;
import cn.yjzf.organisation.EnforcementMatterCatalogue;
import cn.yjzf.organisation.Role;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * A township enforcer inspects (opens an inspection, records and grades findings, issues 责令改正 orders) only in the
 * own township, only where its 委托书 / 赋权 decision lists 行政检查 and only while it is in force — on the inspection
 * day and on the day of the act. Agency officers are not bound by it.
 */
@Component
public class InspectionDelegation {

    private final Delegations delegations;
    private final AppTime time;

    InspectionDelegation(Delegations delegations, AppTime time) {
        this.delegations = delegations;
        this.time = time;
    }

    /** Null when the user may inspect in {@code townshipId} on {@code inspectionDate} (and today); else the 403. */
    public ForbiddenException refusal(CurrentUser user, Long townshipId, LocalDate inspectionDate) {
        if (!user.has(Role.TOWNSHIP_ENFORCER) || user.has(Role.OFFICER)) {
            return null;
        }
        if (user.townshipId() == null || !user.townshipId().equals(townshipId)) {
            return new ForbiddenException("DELEGATION_REQUIRED", "乡镇执法人员只能检查本乡镇（街道）的生产经营单位");
        }
        for (LocalDate day : inspectionDate == null ? new LocalDate[] {time.today()} : new LocalDate[] {inspectionDate, time.today()}) {
            Delegations.Check check = delegations.check(townshipId, EnforcementMatterCatalogue.INSPECTION, day);
            if (!check.allowed()) {
                String code = check.refusal() == Delegations.Refusal.MATTER_NOT_DELEGATED ? "DELEGATION_REQUIRED"
                        : check.refusal().code();
                return new ForbiddenException(code, check.refusal().message().replace("该事项", "行政检查")
                        + "（" + day + "），不能进行行政检查、记录检查发现或下达整改指令");
            }
        }
        return null;
    }
}

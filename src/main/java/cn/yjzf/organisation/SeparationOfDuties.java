package cn.yjzf.organisation;

import cn.yjzf.common.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 三员分立 and role prerequisites, checked on every save of an account's roles: at most one administrator role, never
 * together with a business role; a 法制审核人员 holds a legal qualification (行政处罚法 第五十八条); a township
 * enforcer belongs to a township.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    public static List<FieldProblem> check(Set<Role> roles, AppUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        long admin = roles.stream().filter(Role.ADMINISTRATORS::contains).count();
        if (admin > 1) {
            problems.add(new FieldProblem("roles", "SEPARATION_OF_DUTIES",
                    "系统管理员、安全管理员、审计管理员须由不同账号担任，一个账号只能担任其中之一"));
        }
        if (admin > 0 && admin < roles.size()) {
            problems.add(new FieldProblem("roles", "SEPARATION_OF_DUTIES", "管理员账号不得同时担任业务角色"));
        }
        if (roles.contains(Role.LEGAL_REVIEWER) && !user.isLegallyQualified()) {
            problems.add(new FieldProblem("roles", "NOT_LEGALLY_QUALIFIED",
                    "法制审核人员须具有法律职业资格（请系统管理员先登记其资格）"));
        }
        if (roles.contains(Role.TOWNSHIP_ENFORCER) && user.getTownshipId() == null) {
            problems.add(new FieldProblem("roles", "TOWNSHIP_REQUIRED", "乡镇委托执法人员须属于某个乡镇（街道）"));
        }
        return problems;
    }
}

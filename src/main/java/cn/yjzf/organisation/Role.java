package cn.yjzf.organisation;

/** What a user may do. Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    OFFICER("执法人员"),
    LEGAL_REVIEWER("法制审核人员"),
    APPROVER("负责人"),
    TOWNSHIP_ENFORCER("乡镇委托执法人员"),
    /** Head of the enforcement unit (执法机构负责人): tier 1 审核 of penalty cases, reassigns their tasks. */
    UNIT_HEAD("执法机构负责人"),
    RULE_MAINTAINER("规则维护人员"),
    /** 三员分立: organisation and users only, no business powers. */
    SYSTEM_ADMIN("系统管理员"),
    /** 三员分立: roles, password and lockout policy, unlocking. */
    SECURITY_ADMIN("安全管理员"),
    /** 三员分立: reads, searches, verifies and exports the audit trail only. */
    AUDIT_ADMIN("审计管理员");

    /** The three administrator roles; no account may hold two of them, nor one of them with a business role. */
    public static final java.util.Set<Role> ADMINISTRATORS = java.util.EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

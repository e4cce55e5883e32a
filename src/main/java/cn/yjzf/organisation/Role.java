package cn.yjzf.organisation;

/** What a user may do. Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    OFFICER("执法人员"),
    LEGAL_REVIEWER("法制审核人员"),
    APPROVER("负责人"),
    TOWNSHIP_ENFORCER("乡镇委托执法人员"),
    RULE_MAINTAINER("规则维护人员"),
    ADMIN("系统管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

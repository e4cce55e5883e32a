package cn.yjzf.casework;

import cn.yjzf.organisation.Role;

/**
 * Steps of a penalty case. Review steps name the role that acts on them; the others are worked by the case's
 * handlers (承办人). The three review tiers run in the order the agency configures.
 */
public enum Stage {
    DRAFT("立案申请", null),
    FILING_REVIEW("立案审批", Role.APPROVER),
    INVESTIGATION("调查取证", null),
    HANDLING("案件处理呈批", null),
    TIER_UNIT("审核（执法机构负责人）", Role.UNIT_HEAD),
    TIER_LEGAL("法制审核", Role.LEGAL_REVIEWER),
    TIER_HEAD("负责人审批", Role.APPROVER),
    NOTICE("行政处罚告知", null),
    STATEMENT("陈述申辩/听证", null),
    DECISION("行政处罚决定", null),
    SERVICE("送达", null),
    EXECUTION("执行", null),
    CLOSING_REVIEW("结案审批", Role.APPROVER),
    CLOSED("已结案", null);

    private final String label;
    private final Role reviewer;

    Stage(String label, Role reviewer) {
        this.label = label;
        this.reviewer = reviewer;
    }

    public String label() {
        return label;
    }

    /** The role that decides a review step; null for steps the handlers work. */
    public Role reviewer() {
        return reviewer;
    }

    public boolean isReview() {
        return reviewer != null;
    }

    public boolean isTier() {
        return this == TIER_UNIT || this == TIER_LEGAL || this == TIER_HEAD;
    }
}

package cn.yjzf.organisation;

import java.time.LocalDate;

/**
 * For other features: only an enabled user holding a 执法证 valid on the day may sign or inspect; a 法制审核人员
 * must hold a legal qualification (行政处罚法 第五十八条).
 */
public final class Certificates {

    private Certificates() {
    }

    public static boolean validOn(AppUser user, LocalDate date) {
        return user != null && user.isEnabled() && user.isCertifiedOn(date);
    }

    public static boolean mayReviewLegally(AppUser user) {
        return user != null && user.isEnabled() && user.getRoles().contains(Role.LEGAL_REVIEWER) && user.isLegallyQualified();
    }
}

package cn.yjzf.review;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;

/**
 * The one review policy for everything a legal reviewer releases (rule releases of every rule family, 裁量基准
 * tables): only a validated submission can be reviewed; never by its submitter; the reviewer acts on the version they
 * saw, so two reviewers acting at once cannot both succeed; a rejection states its reason. It lives in its own package
 * (depending on {@code common} only) so that {@code rulerelease} and {@code penalty} share it without depending on
 * each other.
 */
public final class FourEyesReview {

    private FourEyesReview() {
    }

    /**
     * Refuses (409) a review of anything not awaiting one, or by the person who submitted it.
     *
     * @param subject how the thing is named in messages: "规则版本 #12", "基准 #3"
     */
    public static void requireReviewable(String subject, ReviewStatus status, String submitter, String reviewer) {
        requireStatus(subject, status, ReviewStatus.VALIDATED);
        if (reviewer.equals(submitter)) {
            throw new ConflictException("SELF_REVIEW", "提交人不能审核自己提交的" + subject.replaceAll("\\s*#\\d+$", ""));
        }
    }

    /** Refuses (409 {@code RELEASE_STATE}) a step that is not allowed in the current status. */
    public static void requireStatus(String subject, ReviewStatus status, ReviewStatus expected) {
        if (status != expected) {
            throw new ConflictException("RELEASE_STATE", subject + " 当前状态为「" + status.label() + "」，不能执行此操作");
        }
    }

    /** Refuses (409 {@code STALE_VERSION}) a decision taken on a version someone else has since changed. */
    public static void requireSeen(String subject, long current, long seen) {
        if (current != seen) {
            throw new ConflictException("STALE_VERSION", subject + " 已被他人处理，请刷新后重试");
        }
    }

    /** A rejection must say why (400 on {@code reason}); returns the trimmed reason. */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "REQUIRED", "驳回须写明理由");
        }
        return reason.trim();
    }

    /** An optional approval note: trimmed, null when blank. */
    public static String note(String note) {
        return note == null || note.isBlank() ? null : note.trim();
    }
}

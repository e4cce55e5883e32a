package cn.yjzf.rulerelease;

import cn.yjzf.review.ReviewStatus;
import java.time.Instant;

/** A release as the lists show it, read without its archive. */
public record ReleaseSummary(Long id, ReviewStatus status, String changeNote, String author, Instant submittedAt,
                             String reviewer, String reviewNote) {
}

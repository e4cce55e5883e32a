package cn.yjzf.rulerelease;

import java.time.Instant;

/** A release as the lists show it, read without its archive. */
public record ReleaseSummary(Long id, ReleaseStatus status, String changeNote, String author, Instant submittedAt,
                             String reviewer, String reviewNote) {
}

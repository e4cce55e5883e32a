package cn.yjzf.rulerelease;

import cn.yjzf.review.ReviewStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RuleReleaseRepository extends JpaRepository<RuleRelease, Long> {

    /** For lists: everything but the archive, which only one release page needs. */
    @Query("""
            select new cn.yjzf.rulerelease.ReleaseSummary(r.id, r.status, r.changeNote, r.author, r.submittedAt,
                   r.reviewer, r.reviewNote)
            from RuleRelease r order by r.id desc""")
    List<ReleaseSummary> summaries();

    /** One page of release summaries, newest first. */
    @Query(value = """
            select new cn.yjzf.rulerelease.ReleaseSummary(r.id, r.status, r.changeNote, r.author, r.submittedAt,
                   r.reviewer, r.reviewNote)
            from RuleRelease r order by r.id desc""",
            countQuery = "select count(r) from RuleRelease r")
    org.springframework.data.domain.Page<ReleaseSummary> summaries(org.springframework.data.domain.Pageable page);

    @Query("select r.contentHash from RuleRelease r where r.id = :id")
    java.util.Optional<String> contentHashOf(@Param("id") Long id);

    /** Releases in a status since before a time, oldest first (orphaned submissions). */
    @Query("select r.id from RuleRelease r where r.status = :status and r.submittedAt < :before order by r.id")
    List<Long> waitingSince(@Param("status") ReviewStatus status, @Param("before") java.time.Instant before);

    /** Releases that contain a rule set with this content hash, newest first. */
    @Query("select r from RuleRelease r join r.ruleSets s where s.hash = :hash order by r.id desc")
    List<RuleRelease> containing(@Param("hash") String hash);
}

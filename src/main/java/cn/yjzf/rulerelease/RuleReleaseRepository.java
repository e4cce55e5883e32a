package cn.yjzf.rulerelease;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RuleReleaseRepository extends JpaRepository<RuleRelease, Long> {

    List<RuleRelease> findAllByOrderByIdDesc();

    /** Releases that contain a rule set with this content hash, newest first. */
    @Query("select r from RuleRelease r join r.ruleSets s where s.hash = :hash order by r.id desc")
    List<RuleRelease> containing(@Param("hash") String hash);
}

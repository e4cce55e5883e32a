package cn.yjzf.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    List<AppUser> findByAgencyIdOrderByFullName(Long agencyId);

    List<AppUser> findByAgencyIdInOrderByAgencyIdAscFullNameAsc(Collection<Long> agencyIds);

    /** Counts a failed login and returns nothing; a bulk update, so it leaves the optimistic-lock version alone. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.failedLogins = u.failedLogins + 1 where u.id = ?1")
    void countFailure(Long id);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.lockedUntil = ?2, u.failedLogins = 0 where u.id = ?1")
    void lockUntil(Long id, Instant until);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.failedLogins = 0, u.lockedUntil = null where u.id = ?1")
    void clearFailures(Long id);
}

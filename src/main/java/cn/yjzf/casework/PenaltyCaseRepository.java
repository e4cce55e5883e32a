package cn.yjzf.casework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PenaltyCaseRepository extends JpaRepository<PenaltyCase, Long> {

    /** Scoped read: outside the agency (or, for a township enforcer, the township) it is as if it did not exist. */
    @Query("select c from PenaltyCase c where c.id = :id and c.agencyId = :agencyId"
            + " and (:townshipId is null or c.townshipId = :townshipId)")
    Optional<PenaltyCase> findScoped(Long id, Long agencyId, Long townshipId);

    @Query("select c from PenaltyCase c where c.agencyId = :agencyId"
            + " and (:townshipId is null or c.townshipId = :townshipId) order by c.id desc")
    List<PenaltyCase> listScoped(Long agencyId, Long townshipId, org.springframework.data.domain.Pageable page);
}

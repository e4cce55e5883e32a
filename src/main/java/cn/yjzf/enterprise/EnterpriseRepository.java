package cn.yjzf.enterprise;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EnterpriseRepository extends JpaRepository<Enterprise, Long> {

    /** Enterprises in the agency (and township, when given) whose name or credit code contains {@code pattern}. */
    @Query("""
            select e from Enterprise e
            where e.agencyId = :agencyId
              and (:townshipId is null or e.townshipId = :townshipId)
              and (lower(e.name) like :pattern or e.creditCode like :pattern)
            order by e.name""")
    List<Enterprise> search(@Param("agencyId") Long agencyId, @Param("townshipId") Long townshipId,
                            @Param("pattern") String pattern, Pageable page);

    /** Credit codes are unique per agency (V30); another agency's register is never consulted. */
    Optional<Enterprise> findByAgencyIdAndCreditCode(Long agencyId, String creditCode);
}

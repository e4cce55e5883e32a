package cn.yjzf.enterprise;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EnterpriseRepository extends JpaRepository<Enterprise, Long> {

    /**
     * Id and name of the enterprises in the agency (and township, when given) whose name or credit code contains
     * {@code pattern}: light enough to order a whole jurisdiction by pinyin before loading one page.
     */
    @Query("""
            select new cn.yjzf.enterprise.EnterpriseRepository$NameRow(e.id, e.name) from Enterprise e
            where e.agencyId = :agencyId
              and (:townshipId is null or e.townshipId = :townshipId)
              and (lower(e.name) like :pattern or e.creditCode like :pattern)""")
    List<NameRow> names(@Param("agencyId") Long agencyId, @Param("townshipId") Long townshipId,
                        @Param("pattern") String pattern);

    record NameRow(Long id, String name) {
    }

    /** Credit codes are unique per agency (V30); another agency's register is never consulted. */
    Optional<Enterprise> findByAgencyIdAndCreditCode(Long agencyId, String creditCode);
}

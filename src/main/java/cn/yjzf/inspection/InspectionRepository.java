package cn.yjzf.inspection;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InspectionRepository extends JpaRepository<Inspection, Long> {

    @Query("""
            select i from Inspection i
            where i.agencyId = :agencyId and (:townshipId is null or i.townshipId = :townshipId)
            order by i.inspectionDate desc, i.id desc""")
    List<Inspection> recent(@Param("agencyId") Long agencyId, @Param("townshipId") Long townshipId, Pageable page);

    /** One page of the jurisdiction's inspections, newest first. */
    @Query(value = """
            select i from Inspection i
            where i.agencyId = :agencyId and (:townshipId is null or i.townshipId = :townshipId)
            order by i.inspectionDate desc, i.id desc""",
            countQuery = """
            select count(i) from Inspection i
            where i.agencyId = :agencyId and (:townshipId is null or i.townshipId = :townshipId)""")
    Page<Inspection> page(@Param("agencyId") Long agencyId, @Param("townshipId") Long townshipId, Pageable page);

    List<Inspection> findByEnterpriseIdOrderByInspectionDateDesc(Long enterpriseId);
}

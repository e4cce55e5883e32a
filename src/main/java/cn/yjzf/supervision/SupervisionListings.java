package cn.yjzf.supervision;

import cn.yjzf.rectification.TrackStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Listings, always read through a scope: {@code supervising} is the caller's agency subtree (just its agency for a
 * township enforcer, who is further narrowed to {@code township}); the hazard side is the caller's own jurisdiction.
 */
interface SupervisionListings extends JpaRepository<SupervisionListing, Long> {

    Optional<SupervisionListing> findByTrackId(Long trackId);

    List<SupervisionListing> findByEnterpriseId(Long enterpriseId);

    /** Supervised by the caller's subtree, or of a hazard in the caller's jurisdiction; newest first. */
    @Query("""
            select l from SupervisionListing l
            where (l.supervisingAgencyId in :supervising and (:township is null or l.supervisingTownshipId = :township))
               or (l.hazardAgencyId = :agency and (:township is null or l.hazardTownshipId = :township))
            order by l.id desc""")
    Page<SupervisionListing> visible(Collection<Long> supervising, Long agency, Long township, Pageable page);

    /**
     * Awaiting the supervising level (see {@link SupervisionService#awaiting}): an extension request to decide, a
     * passed re-inspection to accept, an acceptance to approve as 销号.
     */
    @Query("""
            select l from SupervisionListing l
            where l.supervisingAgencyId in :supervising and (:township is null or l.supervisingTownshipId = :township)
              and (l.extensionUntil is not null
                   or l.status = cn.yjzf.supervision.SupervisionStatus.ACCEPTED
                   or (l.status = cn.yjzf.supervision.SupervisionStatus.RECTIFYING and exists (
                        select t.id from RectificationTrack t where t.id = l.trackId and t.status = :passed)))
            order by l.id desc""")
    Page<SupervisionListing> awaitingSupervision(Collection<Long> supervising, Long township, TrackStatus passed,
                                                Pageable page);

    /** Not yet 销号, in either scope: what the reminders are drawn from (a bureau has tens, not thousands). */
    @Query("""
            select l from SupervisionListing l
            where l.status <> cn.yjzf.supervision.SupervisionStatus.CLOSED
              and ((l.supervisingAgencyId in :supervising and (:township is null or l.supervisingTownshipId = :township))
                   or (l.hazardAgencyId = :agency and (:township is null or l.hazardTownshipId = :township)))
            order by l.deadline, l.id""")
    List<SupervisionListing> open(Collection<Long> supervising, Long agency, Long township);

    /** Listed or rectifying, past their deadline and not yet marked. */
    @Query("""
            select l from SupervisionListing l where l.overdue = false and l.deadline < :today
              and l.status in (cn.yjzf.supervision.SupervisionStatus.LISTED, cn.yjzf.supervision.SupervisionStatus.RECTIFYING)""")
    List<SupervisionListing> newlyOverdue(LocalDate today);
}

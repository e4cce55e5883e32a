package cn.yjzf.rectification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RectificationTracks extends JpaRepository<RectificationTrack, Long> {

    List<RectificationTrack> findByOrderIdOrderBySeq(Long orderId);

    /** Open or awaiting items of an agency whose deadline is on or before {@code until} (overdue ones included). */
    @Query("""
            select t from RectificationTrack t where t.agencyId = :agencyId
              and (:townshipId is null or t.townshipId = :townshipId)
              and t.status in :statuses and t.deadline <= :until order by t.deadline, t.id""")
    List<RectificationTrack> dueBy(Long agencyId, Long townshipId, Collection<TrackStatus> statuses, LocalDate until);

    @Query("select t from RectificationTrack t where t.overdue = false and t.status in :statuses and t.deadline < :today")
    List<RectificationTrack> newlyOverdue(Collection<TrackStatus> statuses, LocalDate today);
}

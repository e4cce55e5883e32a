package cn.yjzf.penalty;

import cn.yjzf.review.ReviewStatus;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DiscretionTableRepository extends JpaRepository<DiscretionTableVersion, Long> {

    /** Tables visible to an agency chain: deployment-wide (no agency) or of one of the given agencies. */
    @Query("select t from DiscretionTableVersion t where (t.agencyId is null or t.agencyId in ?1) order by t.id desc")
    List<DiscretionTableVersion> visibleTo(Collection<Long> agencyIds);

    @Query("select t from DiscretionTableVersion t where t.status = ?2 and (t.agencyId is null or t.agencyId in ?1) order by t.id desc")
    List<DiscretionTableVersion> withStatus(Collection<Long> agencyIds, ReviewStatus status);
}

package cn.yjzf.inspection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HazardRepository extends JpaRepository<Hazard, Long> {

    Optional<Hazard> findByFindingId(Long findingId);

    List<Hazard> findByFindingIdIn(Collection<Long> findingIds);
}

package cn.yjzf.penalty;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PenaltyThresholdRepository extends JpaRepository<PenaltyThreshold, Long> {

    List<PenaltyThreshold> findByAgencyId(Long agencyId);
}

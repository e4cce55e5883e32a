package cn.yjzf.casework;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnforcementDemandRepository extends JpaRepository<EnforcementDemand, Long> {

    List<EnforcementDemand> findByCaseIdOrderById(Long caseId);
}

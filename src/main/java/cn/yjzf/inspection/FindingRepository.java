package cn.yjzf.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FindingRepository extends JpaRepository<Finding, Long> {

    List<Finding> findByInspectionIdOrderById(Long inspectionId);
}

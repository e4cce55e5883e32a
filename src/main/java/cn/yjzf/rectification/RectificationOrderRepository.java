package cn.yjzf.rectification;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RectificationOrderRepository extends JpaRepository<RectificationOrder, Long> {

    Optional<RectificationOrder> findByInspectionId(Long inspectionId);
}

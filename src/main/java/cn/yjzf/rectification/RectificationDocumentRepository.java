package cn.yjzf.rectification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RectificationDocumentRepository extends JpaRepository<RectificationDocument, Long> {

    List<RectificationDocument> findByOrderIdOrderById(Long orderId);
}

package cn.yjzf.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByEntityTypeAndEntityIdOrderById(String entityType, Long entityId);

    List<AuditEvent> findAllByOrderById();
}

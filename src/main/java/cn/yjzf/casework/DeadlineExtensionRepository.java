package cn.yjzf.casework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {

    List<DeadlineExtension> findByCaseIdOrderById(Long caseId);

    Optional<DeadlineExtension> findByIdAndCaseId(Long id, Long caseId);
}

package cn.yjzf.casework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAttachmentRepository extends JpaRepository<CaseAttachment, Long> {

    List<CaseAttachment> findByCaseIdOrderById(Long caseId);

    Optional<CaseAttachment> findByIdAndCaseId(Long id, Long caseId);
}

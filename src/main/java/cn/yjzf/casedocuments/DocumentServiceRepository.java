package cn.yjzf.casedocuments;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentServiceRepository extends JpaRepository<DocumentService, Long> {

    List<DocumentService> findByCaseIdOrderById(Long caseId);

    boolean existsByDocumentId(Long documentId);
}

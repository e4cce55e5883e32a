package cn.yjzf.casefile;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

    Optional<CaseFile> findByCaseId(Long caseId);
}

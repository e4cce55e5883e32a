package cn.yjzf.casework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CourtApplicationRepository extends JpaRepository<CourtApplication, Long> {

    List<CourtApplication> findByCaseIdOrderById(Long caseId);

    Optional<CourtApplication> findByIdAndCaseId(Long id, Long caseId);
}

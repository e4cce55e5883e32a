package cn.yjzf.casework;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseActRepository extends JpaRepository<CaseAct, Long> {

    List<CaseAct> findByCaseIdOrderById(Long caseId);
}

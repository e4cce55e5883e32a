package cn.yjzf.casework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentArrangementRepository extends JpaRepository<PaymentArrangement, Long> {

    List<PaymentArrangement> findByCaseIdOrderById(Long caseId);

    Optional<PaymentArrangement> findByIdAndCaseId(Long id, Long caseId);
}

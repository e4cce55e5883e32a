package cn.yjzf.casedocuments;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HearingScheduleRepository extends JpaRepository<HearingSchedule, Long> {

    Optional<HearingSchedule> findByCaseId(Long caseId);
}

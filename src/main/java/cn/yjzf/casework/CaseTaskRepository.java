package cn.yjzf.casework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseTaskRepository extends JpaRepository<CaseTask, Long> {

    Optional<CaseTask> findByCaseIdAndStatus(Long caseId, CaseTask.Status status);

    @Query("select t from CaseTask t where t.status = cn.yjzf.casework.CaseTask$Status.OPEN and t.agencyId = :agencyId"
            + " and (:townshipId is null or t.townshipId = :townshipId) and t.role in :roles order by t.dueOn, t.id")
    List<CaseTask> openQueue(Long agencyId, Long townshipId, List<String> roles);

    List<CaseTask> findByCaseIdOrderById(Long caseId);
}

package cn.yjzf.penalty;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PenaltyProposalRepository extends JpaRepository<PenaltyProposal, Long> {

    @Query("select p from PenaltyProposal p where p.agencyId = ?1 and (?2 is null or p.townshipId = ?2) order by p.id desc")
    List<PenaltyProposal> recent(Long agencyId, Long townshipId, Pageable page);
}

package cn.yjzf.publication;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PublicationEntryRepository extends JpaRepository<PublicationEntry, Long> {

    Page<PublicationEntry> findByStatusOrderByPublishedOnDescIdDesc(PublicationEntry.Status status, Pageable page);

    List<PublicationEntry> findByAgencyIdOrderByIdDesc(Long agencyId);

    Optional<PublicationEntry> findByIdAndAgencyId(Long id, Long agencyId);

    boolean existsByCaseId(Long caseId);
}

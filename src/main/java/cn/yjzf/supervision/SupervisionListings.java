package cn.yjzf.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionListings extends JpaRepository<SupervisionListing, Long> {

    Optional<SupervisionListing> findByTrackId(Long trackId);

    List<SupervisionListing> findAllByOrderByIdDesc();

    List<SupervisionListing> findByEnterpriseId(Long enterpriseId);
}

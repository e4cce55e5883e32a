package cn.yjzf.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TownshipRepository extends JpaRepository<Township, Long> {

    List<Township> findByAgencyIdOrderByName(Long agencyId);
}

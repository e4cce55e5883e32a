package cn.yjzf.organisation;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PasswordHistoryRepository extends JpaRepository<PasswordHistory, Long> {

    @Query("select h from PasswordHistory h where h.userId = ?1 order by h.changedAt desc, h.id desc")
    List<PasswordHistory> recent(Long userId, Pageable page);
}

package cn.yjzf.statistics;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whose records a caller's figures cover. Supervisors (负责人, 执法机构负责人) see their agency and every agency below it;
 * an officer sees their own agency; a township enforcer their own township.
 */
record StatisticsScope(Set<Long> agencyIds, Long townshipId) {

    @Component
    static class Resolver {

        private final JdbcTemplate jdbc;

        Resolver(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        StatisticsScope of(CurrentUser user) {
            if (user.has(Role.APPROVER) || user.has(Role.UNIT_HEAD)) {
                return new StatisticsScope(subtree(user.agencyId()), null);
            }
            return new StatisticsScope(Set.of(user.agencyId()), user.has(Role.OFFICER) ? null : user.townshipId());
        }

        Set<Long> subtree(Long root) {
            Map<Long, List<Long>> children = jdbc.query("SELECT id, parent_id FROM agency WHERE parent_id IS NOT NULL",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).stream()
                    .collect(Collectors.groupingBy(r -> r[1], Collectors.mapping(r -> r[0], Collectors.toList())));
            Set<Long> ids = new LinkedHashSet<>();
            Deque<Long> todo = new ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                Long id = todo.pop();
                if (ids.add(id)) {
                    children.getOrDefault(id, List.of()).forEach(todo::push);
                }
            }
            return ids;
        }
    }
}

package cn.yjzf.organisation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The agencies an administrator manages: their own agency and everything below it in the tree. */
record AgencyScope(Set<Long> ids) {

    static AgencyScope below(Long root, List<Agency> all) {
        Map<Long, List<Agency>> children = all.stream().filter(a -> a.getParentId() != null)
                .collect(Collectors.groupingBy(Agency::getParentId));
        Set<Long> ids = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Long id = todo.pop();
            if (ids.add(id)) {
                children.getOrDefault(id, List.of()).forEach(c -> todo.push(c.getId()));
            }
        }
        return new AgencyScope(ids);
    }

    boolean covers(Long agencyId) {
        return agencyId != null && ids.contains(agencyId);
    }
}

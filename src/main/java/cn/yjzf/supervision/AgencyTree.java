package cn.yjzf.supervision;

import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyLevel;
import cn.yjzf.organisation.AgencyRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The agency tree as the supervising levels read it: who is above whom. A bureau tree has tens of agencies. */
@Component
class AgencyTree {

    private final AgencyRepository agencies;

    AgencyTree(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    Snapshot now() {
        return new Snapshot(agencies.findAll().stream().collect(Collectors.toMap(Agency::getId, Function.identity())));
    }

    record Snapshot(Map<Long, Agency> byId) {

        /** The agency itself first, then its parent, up to the root. */
        List<Agency> upFrom(Long id) {
            List<Agency> chain = new ArrayList<>();
            for (Agency a = byId.get(id); a != null && chain.size() < byId.size(); a = byId.get(a.getParentId())) {
                chain.add(a);
            }
            return chain;
        }

        boolean isAtOrAbove(Long ancestor, Long id) {
            return upFrom(id).stream().anyMatch(a -> a.getId().equals(ancestor));
        }

        /** The agency and every agency below it. */
        Set<Long> subtree(Long root) {
            return byId.keySet().stream().filter(id -> isAtOrAbove(root, id)).collect(Collectors.toSet());
        }

        Optional<Agency> atLevel(Long id, AgencyLevel level) {
            return upFrom(id).stream().filter(a -> a.getLevel() == level).findFirst();
        }

        AgencyLevel levelOf(Long id) {
            Agency a = byId.get(id);
            return a == null ? null : a.getLevel();
        }

        String name(Long id) {
            Agency a = byId.get(id);
            return a == null ? "" : a.getName();
        }
    }
}

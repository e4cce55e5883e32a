package cn.yjzf.penalty;

import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** An agency and its parents: a 基准 issued by a parent agency layers under the agency's own (national → local). */
@Component
class AgencyChain {

    private final AgencyRepository agencies;

    AgencyChain(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    List<Long> of(Long agencyId) {
        List<Long> chain = new ArrayList<>();
        Long id = agencyId;
        while (id != null && !chain.contains(id) && chain.size() < 10) {
            chain.add(id);
            id = agencies.findById(id).map(Agency::getParentId).orElse(null);
        }
        return chain;
    }
}

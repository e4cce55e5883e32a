package cn.yjzf.organisation;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For other features: may a township act on a matter on a day, and in whose name (行政处罚法 第二十条 委托 — the
 * delegating agency's; 第二十四条 赋权 — its own). A township without a document, outside its period, or for a matter
 * not in its catalogue may not act.
 */
@Service
public class Delegations {

    private final TownshipRepository townships;

    Delegations(TownshipRepository townships) {
        this.townships = townships;
    }

    @Transactional(readOnly = true)
    public boolean mayAct(Long townshipId, String matter, LocalDate date) {
        return townshipId != null && townships.findById(townshipId).map(t -> t.mayActOn(matter, date)).orElse(false);
    }

    /** True when the township's documents carry its own name (赋权), false when the agency's (委托). */
    @Transactional(readOnly = true)
    public boolean actsInOwnName(Long townshipId) {
        return townships.findById(townshipId).map(t -> t.getLegalForm().actsInOwnName()).orElse(false);
    }
}

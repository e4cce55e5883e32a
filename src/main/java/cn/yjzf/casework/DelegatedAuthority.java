package cn.yjzf.casework;

import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Delegations;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.TownshipLegalForm;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Agency officers act in their agency's name on any matter; a township enforcer only in the own township, only for a
 * matter in the township's 委托书 / 赋权 decision valid on the day ({@link Delegations}), in the delegating agency's
 * name under 委托 and in the township's own name under 赋权.
 */
@Component
class DelegatedAuthority implements ActingAuthority {

    private final Delegations delegations;
    private final AgencyRepository agencies;

    DelegatedAuthority(Delegations delegations, AgencyRepository agencies) {
        this.delegations = delegations;
        this.agencies = agencies;
    }

    @Override
    public Verdict verdict(CurrentUser user, String matterCode, Long townshipId, LocalDate on) {
        if (!user.has(Role.TOWNSHIP_ENFORCER)) {
            return agencies.findById(user.agencyId())
                    .map(a -> new Verdict(new Authority(Mode.OWN, a.getId(), a.getName(), "本机关执法"), null, null))
                    .orElse(new Verdict(null, "UNKNOWN_AGENCY", "所属机关不存在"));
        }
        if (user.townshipId() == null || !user.townshipId().equals(townshipId)) {
            return new Verdict(null, "OUT_OF_TOWNSHIP", "乡镇执法人员只能办理本乡镇（街道）的案件");
        }
        Delegations.Check check = delegations.check(townshipId, matterCode, on);
        if (!check.allowed()) {
            return new Verdict(null, check.refusal().code(), check.refusal().message());
        }
        Delegations.Delegation d = check.delegation();
        Mode mode = d.mode() == TownshipLegalForm.EMPOWERED ? Mode.EMPOWERED : Mode.ENTRUSTED;
        String basis = d.mode().label() + "：" + d.basisDocNo() + "（" + d.validFrom() + "至"
                + (d.validUntil() == null ? "长期" : d.validUntil()) + "）";
        return new Verdict(new Authority(mode, d.delegatingAgencyId(), d.issuingName(), basis), null, null);
    }
}

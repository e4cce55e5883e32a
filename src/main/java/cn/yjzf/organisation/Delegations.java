package cn.yjzf.organisation;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For other features: may a township act on a matter on a day, and in whose name (行政处罚法 第二十条 委托 — the
 * delegating agency's; 第二十四条 赋权 — its own). A township without a document, outside its period, or for a matter
 * not in its catalogue may not act; {@link Check#refusal()} says which of these it is.
 */
@Service
public class Delegations {

    /** Why a township may not act: a stable code and the Chinese reason. */
    public enum Refusal {
        NO_DELEGATION("DELEGATION_REQUIRED", "本乡镇（街道）没有委托书或赋权决定"),
        DELEGATION_NOT_IN_FORCE("DELEGATION_NOT_IN_FORCE", "本乡镇（街道）的委托书或赋权决定在该日不在有效期内"),
        MATTER_NOT_DELEGATED("MATTER_NOT_DELEGATED", "该事项不在本乡镇（街道）的委托或赋权事项目录内");

        private final String code;
        private final String message;

        Refusal(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() { return code; }

        public String message() { return message; }
    }

    /**
     * A township's footing as other features need it: the mode, the delegating agency (the one it belongs to), the name
     * its documents carry, the basis document and its validity.
     */
    public record Delegation(Long townshipId, String townshipName, TownshipLegalForm mode, Long delegatingAgencyId,
                             String delegatingAgencyName, String issuingName, String basisDocNo, LocalDate validFrom,
                             LocalDate validUntil) {
    }

    /** The delegation when it covers the matter on the day; otherwise the refusal. */
    public record Check(Delegation delegation, Refusal refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private final TownshipRepository townships;
    private final AgencyRepository agencies;

    Delegations(TownshipRepository townships, AgencyRepository agencies) {
        this.townships = townships;
        this.agencies = agencies;
    }

    @Transactional(readOnly = true)
    public Check check(Long townshipId, String matter, LocalDate date) {
        Township t = townshipId == null ? null : townships.findById(townshipId).orElse(null);
        if (t == null || t.getAuthorityDocNo() == null || t.getAuthorityDocNo().isBlank() || t.getValidFrom() == null) {
            return new Check(null, Refusal.NO_DELEGATION);
        }
        Delegation d = describe(t);
        if (date.isBefore(t.getValidFrom()) || (t.getValidUntil() != null && date.isAfter(t.getValidUntil()))) {
            return new Check(d, Refusal.DELEGATION_NOT_IN_FORCE);
        }
        if (!t.mayActOn(matter, date)) {
            return new Check(d, Refusal.MATTER_NOT_DELEGATED);
        }
        return new Check(d, null);
    }

    @Transactional(readOnly = true)
    public boolean mayAct(Long townshipId, String matter, LocalDate date) {
        return check(townshipId, matter, date).allowed();
    }

    /** The township's footing regardless of the day or matter (empty without a document). */
    @Transactional(readOnly = true)
    public Optional<Delegation> of(Long townshipId) {
        return Optional.ofNullable(townshipId).flatMap(townships::findById)
                .filter(t -> t.getAuthorityDocNo() != null && !t.getAuthorityDocNo().isBlank())
                .map(this::describe);
    }

    /** True when the township's documents carry its own name (赋权), false when the agency's (委托). */
    @Transactional(readOnly = true)
    public boolean actsInOwnName(Long townshipId) {
        return townships.findById(townshipId).map(t -> t.getLegalForm().actsInOwnName()).orElse(false);
    }

    private Delegation describe(Township t) {
        String agencyName = agencies.findById(t.getAgencyId()).map(Agency::getName).orElse("");
        String issuing = t.getLegalForm().actsInOwnName() ? t.getName() : agencyName;
        return new Delegation(t.getId(), t.getName(), t.getLegalForm(), t.getAgencyId(), agencyName, issuing,
                t.getAuthorityDocNo(), t.getValidFrom(), t.getValidUntil());
    }
}

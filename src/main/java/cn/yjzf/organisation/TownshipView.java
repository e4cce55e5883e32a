package cn.yjzf.organisation;

import java.time.LocalDate;
import java.util.List;

/** A township and its 委托书 / 赋权 decision as the administration API shows it. */
public record TownshipView(Long id, Long agencyId, String name, TownshipLegalForm legalForm, String legalFormLabel,
                           String authorityDocNo, LocalDate validFrom, LocalDate validUntil, List<String> matters,
                           boolean inForceToday, long version, String documentCode) {

    /** {@code today}: the bureau's date (AppTime), for whether the document is in force. */
    static TownshipView of(Township t, LocalDate today) {
        boolean inForce = t.getAuthorityDocNo() != null && t.getValidFrom() != null && !today.isBefore(t.getValidFrom())
                && (t.getValidUntil() == null || !today.isAfter(t.getValidUntil()));
        return new TownshipView(t.getId(), t.getAgencyId(), t.getName(), t.getLegalForm(), t.getLegalForm().label(),
                t.getAuthorityDocNo(), t.getValidFrom(), t.getValidUntil(), t.getMatters(), inForce, t.getVersion(),
                t.getDocumentCode());
    }
}

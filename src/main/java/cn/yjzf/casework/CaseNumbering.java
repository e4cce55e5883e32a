package cn.yjzf.casework;

import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.NumberRequest;
import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipRepository;
import org.springframework.stereotype.Component;

/**
 * Whose series a case document's number is drawn from. Under 赋权 (行政处罚法第二十四条) the township decides in its own
 * name, so its documents carry its own 机关代字 and its own counters (e.g. 苏苏江黎应急罚〔2022〕200号, casework-facts §5);
 * otherwise — own cases and 委托 — the agency's. A township without a registered 代字 keeps the agency's series, so its
 * numbers never repeat one of the agency's (docs/documents.md).
 */
@Component
public class CaseNumbering {

    private final AgencyRepository agencies;
    private final TownshipRepository townships;

    CaseNumbering(AgencyRepository agencies, TownshipRepository townships) {
        this.agencies = agencies;
        this.townships = townships;
    }

    public NumberRequest request(PenaltyCase c, DocumentType type, int year, Long officerId, String officerCode) {
        Township own = DecidingBody.decidedInTownship(c) ? townships.findById(c.getTownshipId())
                .filter(t -> t.getDocumentCode() != null).orElse(null) : null;
        if (own != null) {
            return new NumberRequest(c.getAgencyId(), own.getDocumentCode(), type, year, c.getId(), officerId, officerCode,
                    own.getId());
        }
        Agency agency = agencies.findById(c.getAgencyId()).orElseThrow();
        return new NumberRequest(agency.getId(), agency.getShortName(), type, year, c.getId(), officerId, officerCode);
    }
}

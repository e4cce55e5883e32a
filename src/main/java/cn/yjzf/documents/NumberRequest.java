package cn.yjzf.documents;

/**
 * What a document number depends on. {@code caseId} is null for documents outside a case (检查, 责改 …);
 * {@code officerId}/{@code officerCode} (the 执法证号 printed in per-officer numbers) matter only for the per-officer scope.
 * {@code townshipId} is set when a township decides in its own name (赋权, 行政处罚法第二十四条): its documents then
 * carry its own 机关代字 ({@code agencyShortName}) and are drawn from its own counters, never the agency's.
 */
public record NumberRequest(Long agencyId, String agencyShortName, DocumentType type, int year, Long caseId,
                            Long officerId, String officerCode, Long townshipId) {

    public NumberRequest(Long agencyId, String agencyShortName, DocumentType type, int year, Long caseId,
                         Long officerId, String officerCode) {
        this(agencyId, agencyShortName, type, year, caseId, officerId, officerCode, null);
    }

    public static NumberRequest outsideCase(Long agencyId, String agencyShortName, DocumentType type, int year,
                                            Long officerId, String officerCode) {
        return new NumberRequest(agencyId, agencyShortName, type, year, null, officerId, officerCode, null);
    }

    /** Counter keys of a township deciding in its own name are prefixed, so its series are its own. */
    String counterPrefix() {
        return townshipId == null ? "" : "T" + townshipId + ":";
    }
}

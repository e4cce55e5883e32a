package cn.yjzf.documents;

/**
 * What a document number depends on. {@code caseId} is null for documents outside a case (检查, 责改 …);
 * {@code officerId}/{@code officerCode} (the 执法证号 printed in per-officer numbers) matter only for the per-officer scope.
 */
public record NumberRequest(Long agencyId, String agencyShortName, DocumentType type, int year, Long caseId,
                            Long officerId, String officerCode) {

    public static NumberRequest outsideCase(Long agencyId, String agencyShortName, DocumentType type, int year,
                                            Long officerId, String officerCode) {
        return new NumberRequest(agencyId, agencyShortName, type, year, null, officerId, officerCode);
    }
}

package cn.yjzf.supervision;

import cn.yjzf.organisation.AgencyLevel;

/**
 * The level that supervises a listed major hazard: the agency tree's levels and, below a county, its township
 * (乡镇（街道）). casework-facts §7 names the four levels 省 / 市 / 县 / 乡.
 */
public enum SupervisionLevel {
    PROVINCE("省级", AgencyLevel.PROVINCE),
    CITY("市级", AgencyLevel.CITY),
    COUNTY("县级", AgencyLevel.COUNTY),
    TOWNSHIP("乡级", null);

    private final String label;
    private final AgencyLevel agencyLevel;

    SupervisionLevel(String label, AgencyLevel agencyLevel) {
        this.label = label;
        this.agencyLevel = agencyLevel;
    }

    public String label() {
        return label;
    }

    /** The agency level that supervises; null for a township, supervised under its county agency. */
    AgencyLevel agencyLevel() {
        return agencyLevel;
    }

    /** An agency of {@code level} is at or above this supervising level (province above city above county above 乡). */
    boolean reachableFrom(AgencyLevel level) {
        return agencyLevel == null || level.ordinal() <= agencyLevel.ordinal();
    }
}

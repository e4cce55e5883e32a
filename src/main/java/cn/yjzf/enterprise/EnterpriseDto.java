package cn.yjzf.enterprise;

import java.util.Set;

/** An enterprise as the API returns it. */
public record EnterpriseDto(Long id, String creditCode, String name, Industry industry, String industryLabel,
                            String sector, Long townshipId, String address, String legalRepresentative,
                            Set<EnterpriseFlag> flags, Integer majorHazardSourceLevel, long version) {

    static EnterpriseDto of(Enterprise e) {
        return new EnterpriseDto(e.getId(), e.getCreditCode(), e.getName(), e.getIndustry(), e.getIndustry().label(),
                e.getIndustry().sector().label(), e.getTownshipId(), e.getAddress(), e.getLegalRepresentative(),
                e.getFlags(), e.getMajorHazardSourceLevel(), e.getVersion());
    }
}

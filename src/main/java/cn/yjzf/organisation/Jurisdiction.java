package cn.yjzf.organisation;

/**
 * What a user may see: one agency, narrowed to one township for a township (乡镇) delegated enforcer.
 * {@code townshipId == null} means the whole agency.
 */
public record Jurisdiction(Long agencyId, Long townshipId) {

    public boolean covers(Long agencyId, Long townshipId) {
        return this.agencyId.equals(agencyId) && (this.townshipId == null || this.townshipId.equals(townshipId));
    }
}

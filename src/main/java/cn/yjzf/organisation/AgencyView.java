package cn.yjzf.organisation;

/** An agency as the administration API shows it. */
public record AgencyView(Long id, String name, String shortName, AgencyLevel level, Long parentId, int depth, long version) {

    static AgencyView of(Agency a, int depth) {
        return new AgencyView(a.getId(), a.getName(), a.getShortName(), a.getLevel(), a.getParentId(), depth, a.getVersion());
    }
}

package cn.yjzf.inspection;

import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.organisation.AppUser;
import java.util.List;

/** An inspection with what it refers to, loaded within the caller's jurisdiction. */
public record InspectionView(Inspection inspection, Enterprise enterprise, List<AppUser> officers,
                             List<FindingView> findings) {

    public boolean allGraded() {
        return findings.stream().allMatch(f -> f.hazard().isGraded());
    }
}

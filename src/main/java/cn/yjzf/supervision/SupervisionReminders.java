package cn.yjzf.supervision;

import cn.yjzf.common.AppTime;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.rectification.RectificationLifecycle;
import cn.yjzf.supervision.SupervisionReminder.Kind;
import cn.yjzf.supervision.SupervisionReminder.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the caller's open 挂牌督办 listings need from them (我的待办 and {@code /api/supervision/reminders}). Only the
 * listings in the caller's scope are read (in SQL); the due-soon window is the rectification reminders' one.
 * 负责人 decide extensions and 销号; enforcers of the supervising level accept; the hazard's enforcers file the plan
 * and watch the deadline. A deadline passed is everyone's concern on both sides.
 */
@Component
class SupervisionReminders {

    private final SupervisionService service;
    private final HazardFacts hazards;
    private final AgencyTree agencyTree;
    private final AppTime time;

    SupervisionReminders(SupervisionService service, HazardFacts hazards, AgencyTree agencyTree, AppTime time) {
        this.service = service;
        this.hazards = hazards;
        this.agencyTree = agencyTree;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public List<SupervisionReminder> of(CurrentUser u) {
        boolean enforcer = u.has(Role.OFFICER) || u.has(Role.TOWNSHIP_ENFORCER);
        boolean approver = u.has(Role.APPROVER);
        if (!enforcer && !approver) {
            return List.of();
        }
        LocalDate today = time.today();
        LocalDate soon = today.plusDays(RectificationLifecycle.DUE_SOON_DAYS);
        AgencyTree.Snapshot tree = agencyTree.now();
        List<SupervisionReminder> out = new ArrayList<>();
        for (SupervisionListing l : service.open(u)) {
            Set<Line> lines = new LinkedHashSet<>();
            boolean late = l.open() && (l.isOverdue() || l.getDeadline().isBefore(today));
            boolean hazardOfficer = enforcer && service.hazardSide(u, l);
            if (hazardOfficer) {
                if (l.getStatus() == SupervisionStatus.LISTED) {
                    lines.add(new Line(Side.HAZARD, Kind.ACTION, "待报送治理方案"));
                }
                if (late) {
                    lines.add(new Line(Side.HAZARD, Kind.OVERDUE, "督办期限已过，尚未整改验收"));
                } else if (l.open() && !l.getDeadline().isAfter(soon)) {
                    lines.add(new Line(Side.HAZARD, Kind.DUE_SOON, "督办期限即将到期"));
                }
            }
            if (service.supervises(u, l, tree)) {
                String awaiting = service.awaiting(l);
                boolean approverStep = l.extensionPending() || l.getStatus() == SupervisionStatus.ACCEPTED;
                if (awaiting != null && (approverStep ? approver : enforcer)) {
                    lines.add(new Line(Side.SUPERVISING, Kind.ACTION, awaiting));
                }
                if (late && !hazardOfficer) { // said once: the hazard's own officer sees it on their side
                    lines.add(new Line(Side.SUPERVISING, Kind.OVERDUE, "督办期限已过，尚未验收"));
                }
            }
            if (!lines.isEmpty()) {
                HazardFacts.Facts f = hazards.of(l.getTrackId()).orElse(null);
                for (Line line : lines) {
                    out.add(new SupervisionReminder(l.getId(), l.getDocumentNo(), f == null ? "" : f.enterpriseName(),
                            f == null ? "" : f.label(), line.side(), line.kind(), line.what(), l.getDeadline()));
                }
            }
        }
        return out;
    }

    private record Line(Side side, Kind kind, String what) {
    }
}

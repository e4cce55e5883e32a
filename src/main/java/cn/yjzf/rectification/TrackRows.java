package cn.yjzf.rectification;

import cn.yjzf.common.AppTime;
import cn.yjzf.inspection.FindingView;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.InspectionView;
import cn.yjzf.organisation.Jurisdiction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds {@link TrackRow}s within the caller's jurisdiction (each order and inspection loaded once). */
@Component
class TrackRows {

    private final RectificationLifecycle lifecycle;
    private final RectificationService orders;
    private final InspectionService inspections;
    private final AppTime time;

    TrackRows(RectificationLifecycle lifecycle, RectificationService orders, InspectionService inspections, AppTime time) {
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.inspections = inspections;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public List<TrackRow> ofOrder(Jurisdiction j, Long orderId) {
        return rows(j, lifecycle.ofOrder(j, orderId));
    }

    @Transactional(readOnly = true)
    public List<TrackRow> due(Jurisdiction j) {
        return rows(j, lifecycle.due(j));
    }

    private List<TrackRow> rows(Jurisdiction j, List<RectificationTrack> tracks) {
        Map<Long, RectificationOrder> byOrder = new HashMap<>();
        Map<Long, InspectionView> views = new HashMap<>();
        return tracks.stream().map(t -> {
            RectificationOrder o = byOrder.computeIfAbsent(t.getOrderId(), id -> orders.get(j, id));
            InspectionView v = views.computeIfAbsent(o.getInspectionId(), id -> inspections.view(j, id));
            FindingView f = v.findings().stream().filter(x -> x.hazard().getId().equals(t.getHazardId()))
                    .findFirst().orElseThrow();
            boolean late = t.getStatus() != TrackStatus.PASSED && t.getStatus() != TrackStatus.ESCALATED
                    && (t.isOverdue() || t.getDeadline().isBefore(time.today()));
            return new TrackRow(t, o.getId(), o.getDocumentNo(), v.enterprise().getName(),
                    f.finding().getDescription(), f.hazard().getGrade().label(), late, t.escalatable());
        }).toList();
    }
}

package cn.yjzf.supervision;

import java.util.List;

/**
 * A listing as a page or the API shows it: the hazard it supervises, who supervises, what awaits whom, the due dates
 * from the configured day counts (未配置 where unset), the plan against its required parts and which steps the caller
 * may take now.
 */
public record ListingView(SupervisionListing listing, Long orderId, String hazard, String enterpriseName,
                          String trackStatus, boolean reinspectionPassed, String supervisingBody, String awaiting,
                          List<Due> dues, List<PlanRow> plan, Steps steps) {

    public record PlanRow(PlanPart part, String content) {
    }

    /** The steps open to the caller in the listing's present state. */
    public record Steps(boolean plan, boolean requestExtension, boolean decideExtension, boolean accept, boolean close) {

        public boolean any() {
            return plan || requestExtension || decideExtension || accept || close;
        }
    }
}

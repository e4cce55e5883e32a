package cn.yjzf.supervision;

import java.time.LocalDate;

/**
 * One thing a 挂牌督办 listing needs from the caller: at the supervising level (an extension to decide, a passed
 * re-inspection to accept, an acceptance to approve as 销号, a deadline passed) or on the hazard side (a plan to file,
 * the deadline within the due-soon window, or passed).
 */
public record SupervisionReminder(Long listingId, String documentNo, String enterpriseName, String hazard, Side side,
                                  Kind kind, String what, LocalDate deadline) {

    public enum Side {
        SUPERVISING("督办层级"), HAZARD("隐患所在辖区");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** ACTION: a step awaits the caller; DUE_SOON / OVERDUE: the listing's deadline. */
    public enum Kind { ACTION, DUE_SOON, OVERDUE }
}

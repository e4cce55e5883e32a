package cn.yjzf.rectification;

/** An order item as pages list it: the track with the order's number, the enterprise and the finding's words. */
public record TrackRow(RectificationTrack track, Long orderId, String documentNo, String enterpriseName,
                       String description, String grade, boolean overdue, boolean escalatable) {
}

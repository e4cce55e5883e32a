package cn.yjzf.inspection;

/** A finding with its graded hazard, as pages, the API and documents show it. */
public record FindingView(int seq, Finding finding, Hazard hazard) {
}

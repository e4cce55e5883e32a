package cn.yjzf.audit;

import java.time.Instant;

/**
 * The outcome of one verification: intact, or the first sequence number at which the chain breaks and why.
 * {@code fromSeq} is where the walk began (1 for the whole trail, an anchored row for the incremental check),
 * {@code checked} counts rows checked (archived and live), {@code headSeq} is the stored head, {@code anchorSeq} the
 * newest anchor found outside the database.
 */
public record ChainReport(boolean intact, Long firstBrokenSeq, String problem, long fromSeq, long checked, long headSeq,
                          Long anchorSeq, int archivedSegments, Instant verifiedAt) {

    static ChainReport broken(long seq, String problem, long fromSeq, long checked, long headSeq, Long anchorSeq,
                              int segments) {
        return new ChainReport(false, seq, problem, fromSeq, checked, headSeq, anchorSeq, segments, Instant.now());
    }

    /** One line for logs, the CLI and the health endpoint. */
    public String summary() {
        return intact
                ? "审计链完整：" + (fromSeq > 1 ? "自外部锚点序号 " + fromSeq + " 起增量" : "全量") + "校验 " + checked
                        + " 条（归档段 " + archivedSegments + " 个），链头序号 " + headSeq
                        + (anchorSeq == null ? "，尚无外部锚点" : "，最新外部锚点序号 " + anchorSeq)
                : "审计链被破坏：首个不符序号 " + firstBrokenSeq + "，" + problem;
    }
}

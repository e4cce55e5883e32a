package cn.yjzf.documents;

/** A drawn document number: the year and serial it was counted under, and the formatted 文号. */
public record IssuedNumber(int year, int seq, String documentNo) {
}

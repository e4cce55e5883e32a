package cn.yjzf.rectification;

/**
 * A remark another feature adds to the pre-filled cause of a case opened from an item (e.g. the 第一百一十三条 关闭
 * proposal), so that rectification does not depend on that feature. Empty string when there is nothing to add.
 */
public interface EscalationRemarks {

    String about(Long enterpriseId);
}

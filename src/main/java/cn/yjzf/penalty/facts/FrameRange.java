package cn.yjzf.penalty.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A statutory range for one subject (单位, 主要负责人, 直接负责的主管人员和其他直接责任人员 …). {@code basis} says how
 * min and max read: yuan, percent of the person's 上一年年收入, or multiples of 违法所得. Bounds are the statute's own
 * ("以上…以下" both reached); {@code min == 0} means the statute sets only a maximum ("处五万元以下的罚款").
 */
public class FrameRange {

    public static final String YUAN = "元";
    public static final String INCOME_PERCENT = "上一年年收入百分比";
    public static final String ILLEGAL_INCOME_MULTIPLE = "违法所得倍数";

    public static final String UNIT = "生产经营单位";
    public static final String PERSONS = "直接负责的主管人员和其他直接责任人员";
    public static final String PRINCIPAL = "主要负责人";
    public static final String INVESTOR = "个人经营的投资人";
    public static final String OTHER_MANAGERS = "其他负责人和安全生产管理人员";

    private final String subject;
    private final String basis;
    private final long min;
    private final long max;
    private final PenaltyCitation citation;

    private FrameRange(String subject, String basis, long min, long max, PenaltyCitation citation) {
        this.subject = subject;
        this.basis = basis;
        this.min = min;
        this.max = max;
        this.citation = citation;
    }

    public static FrameRange yuan(RuleContext kcontext, String subject, long min, long max) {
        return new FrameRange(subject, YUAN, min, max, PenaltyCitation.of(kcontext));
    }

    public static FrameRange incomePercent(RuleContext kcontext, String subject, long min, long max) {
        return new FrameRange(subject, INCOME_PERCENT, min, max, PenaltyCitation.of(kcontext));
    }

    public static FrameRange illegalIncomeMultiple(RuleContext kcontext, String subject, long min, long max) {
        return new FrameRange(subject, ILLEGAL_INCOME_MULTIPLE, min, max, PenaltyCitation.of(kcontext));
    }

    public String getSubject() { return subject; }

    public String getBasis() { return basis; }

    public long getMin() { return min; }

    public long getMax() { return max; }

    public PenaltyCitation getCitation() { return citation; }
}

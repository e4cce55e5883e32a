package cn.yjzf.common;

/**
 * Missing, or outside the caller's jurisdiction. The two must be indistinguishable, down to the byte, so the
 * answer never names what was looked for (an out-of-scope order used to say 检查记录 where a missing one said
 * 整改指令书); {@code what} is kept for the log only.
 */
public class NotFoundException extends RuntimeException {

    public static final String MESSAGE = "记录不存在或不在您的管辖范围内";

    private final String what;

    public NotFoundException(String what) {
        super(MESSAGE);
        this.what = what;
    }

    public String what() {
        return what;
    }
}

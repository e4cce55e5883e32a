package cn.yjzf.common;

/** A request body over the size limit ({@link RequestBodyLimitFilter}); answered 413 {@code PAYLOAD_TOO_LARGE}. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("请求体超过大小限制（" + limitBytes / (1024 * 1024) + " MB），未处理任何内容");
    }

    /** This exception among the causes of {@code e} (Jackson wraps what the body stream throws), or null. */
    static PayloadTooLargeException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException p) {
                return p;
            }
        }
        return null;
    }
}

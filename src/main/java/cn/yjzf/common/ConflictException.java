package cn.yjzf.common;

/** The request conflicts with the current state (e.g. an order already issued). {@code code} is stable for clients. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

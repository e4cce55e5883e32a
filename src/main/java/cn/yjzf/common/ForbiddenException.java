package cn.yjzf.common;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller is in scope but may not do this to this record (e.g. records findings on an inspection they are not a
 * member of): 403 with a stable {@code code}. An {@link AccessDeniedException}, so every path that already turns a
 * role failure into 403 treats it the same way.
 */
public class ForbiddenException extends AccessDeniedException {

    private final String code;

    public ForbiddenException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

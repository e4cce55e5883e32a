package cn.yjzf.common;

/** Missing, or outside the caller's jurisdiction (the two are deliberately indistinguishable). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + "不存在或不在您的管辖范围内");
    }
}

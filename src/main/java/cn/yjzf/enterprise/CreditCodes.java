package cn.yjzf.enterprise;

/** GB 32100-2015 统一社会信用代码: 18 characters from the code set, the last a check character (mod 31). */
public final class CreditCodes {

    /** Digits and upper-case letters without I, O, Z, S, V. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** Null when valid, otherwise the reason in Chinese. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为18位";
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第" + (i + 1) + "位字符「" + code.charAt(i) + "」不合法（不使用 I、O、Z、S、V 及小写字母）";
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17)) ? null : "统一社会信用代码校验位错误";
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}

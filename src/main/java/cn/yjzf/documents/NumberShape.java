package cn.yjzf.documents;

/**
 * Every number one counter can give: {@code before} + serial + {@code after} (e.g. "江应急责改〔2026〕" + 17 + "号"),
 * the serial of at most {@link #MAX_DIGITS} digits. A PDF laid out for the shape has room for the widest of them.
 */
public record NumberShape(String before, String after) {

    /** Room is reserved for serials up to 999,999 per counter and year; a longer one is laid out the slow way. */
    public static final int MAX_DIGITS = 6;

    static final String DIGITS = "0123456789";

    /** Whether the number is of this shape, so it fits the room reserved for it. */
    public boolean fits(String number) {
        if (number == null || !number.startsWith(before) || !number.endsWith(after)
                || number.length() < before.length() + after.length() + 1) {
            return false;
        }
        String serial = number.substring(before.length(), number.length() - after.length());
        return serial.length() <= MAX_DIGITS && serial.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Every character any number of this shape can contain. */
    String characters() {
        return before + DIGITS + after;
    }
}

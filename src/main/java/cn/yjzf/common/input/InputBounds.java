package cn.yjzf.common.input;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Every bound on free input in one place (docs/security.md, "输入边界", explains them). They are sanity limits that
 * keep nonsense out of the records, not legal thresholds.
 */
public final class InputBounds {

    /**
     * No enforcement record can predate the People's Republic (1949-10-01); it also keeps dates clear of the
     * proleptic-calendar range where H2 and JDBC disagree (0001-01-01 was stored as 0000-12-30).
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1949, 10, 1);
    /** Deadlines and other planned dates may lie ahead, but not by more than this many years. */
    public static final int MAX_YEARS_AHEAD = 10;
    /** A JSON request body larger than this is refused with 413 before it is parsed (10000 batch findings fit). */
    public static final long DEFAULT_MAX_JSON_BYTES = 8L * 1024 * 1024;
    /** Short single-line texts (names, places, notes of review) and long multi-line ones (descriptions). */
    public static final int SHORT_TEXT = 300;
    public static final int LONG_TEXT = 2000;

    /** Where no bureau clock is at hand (the command line): 北京时间, the default of {@code app.time-zone}. */
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private InputBounds() {
    }

    /** The latest acceptable date for a field allowing {@code yearsAhead} years after {@code today}. */
    public static LocalDate latest(int yearsAhead, LocalDate today) {
        return today.plusYears(yearsAhead);
    }

    /** {@link #problemWith(LocalDate, int, LocalDate)} against today in 北京时间. */
    public static String problemWith(LocalDate date, int yearsAhead) {
        return problemWith(date, yearsAhead, LocalDate.now(DEFAULT_ZONE));
    }

    /** Null when {@code date} lies in the window, otherwise the reason in Chinese. */
    public static String problemWith(LocalDate date, int yearsAhead, LocalDate today) {
        if (date.isBefore(EARLIEST_DATE)) {
            return "日期不能早于 " + EARLIEST_DATE;
        }
        if (date.isAfter(latest(yearsAhead, today))) {
            return yearsAhead == 0 ? "日期不能晚于今天" : "日期不能晚于 " + latest(yearsAhead, today);
        }
        return null;
    }

    public static boolean isCleanText(CharSequence value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedWhitespace = multiline && (c == '\t' || c == '\n' || c == '\r');
            if (Character.getType(c) == Character.CONTROL && !allowedWhitespace) {
                return false;
            }
            if (c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return false; // line/paragraph separators and bidi overrides: invisible text reordering
            }
        }
        return true;
    }
}

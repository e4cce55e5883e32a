package cn.yjzf.common;

import java.util.Map;

/** Stable API error codes for Bean Validation constraints (the constraint name, in upper snake case, otherwise). */
public final class ErrorCodes {

    private static final Map<String, String> KNOWN = Map.of(
            "NotBlank", "REQUIRED", "NotNull", "REQUIRED", "NotEmpty", "REQUIRED",
            "Size", "LENGTH", "CreditCode", "INVALID_CREDIT_CODE", "PastOrPresent", "DATE_IN_FUTURE",
            "Min", "TOO_SMALL", "Max", "TOO_LARGE");
    /** Constraints of {@code cn.yjzf.common.input}. */
    private static final Map<String, String> INPUT = Map.of(
            "NoControlChars", "CONTROL_CHARACTERS", "SaneDate", "DATE_OUT_OF_RANGE", "Digits", "INVALID_NUMBER",
            "typeMismatch", "INVALID_FORMAT");

    /** A request body over {@code app.http.max-body-size} (HTTP 413). */
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

    private ErrorCodes() {
    }

    public static String of(String constraint) {
        if (constraint == null) {
            return "INVALID";
        }
        if (INPUT.containsKey(constraint)) {
            return INPUT.get(constraint);
        }
        return KNOWN.getOrDefault(constraint, constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
    }
}

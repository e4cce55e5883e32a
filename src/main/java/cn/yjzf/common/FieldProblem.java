package cn.yjzf.common;

/** One bad input: the field, a stable code for API clients, and the reason in Chinese for people. */
public record FieldProblem(String field, String code, String message) {
}

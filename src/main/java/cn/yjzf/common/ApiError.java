package cn.yjzf.common;

import java.util.List;

/** The JSON body of every API error: a stable code, a Chinese message, and the field problems if any. */
public record ApiError(String code, String message, List<FieldProblem> errors) {
}

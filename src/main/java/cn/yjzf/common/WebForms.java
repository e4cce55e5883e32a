package cn.yjzf.common;

import java.util.List;
import org.springframework.validation.BindingResult;

/** Bean-validation errors of a web form as the same {@link FieldProblem}s the API returns. */
public final class WebForms {

    private WebForms() {
    }

    public static List<FieldProblem> problems(BindingResult result) {
        return result.getFieldErrors().stream().map(ApiExceptionHandler::problem).toList();
    }
}

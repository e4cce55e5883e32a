package cn.yjzf.common.input;

import cn.yjzf.common.ErrorCodes;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bean Validation for commands a controller assembles itself (free-form web forms such as the finding and order
 * forms), so they meet exactly the bounds the JSON API enforces with {@code @Valid}.
 */
@Component
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    /** {@code input} unchanged, or an {@link InvalidInputException} naming every violated field. */
    public <T> T check(T input) {
        List<FieldProblem> problems = validator.validate(input).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(InputValidator::problem).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return input;
    }

    private static FieldProblem problem(ConstraintViolation<?> v) {
        String field = v.getPropertyPath().toString().replace(".<map value>", "").replace(".<map key>", "")
                .replace("<K>", "").replace(".<iterable element>", "");
        return new FieldProblem(field,
                ErrorCodes.of(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                v.getMessage());
    }
}

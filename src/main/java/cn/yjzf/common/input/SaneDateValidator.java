package cn.yjzf.common.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;

/** Checks {@link SaneDate}. */
public class SaneDateValidator implements ConstraintValidator<SaneDate, LocalDate> {

    private int yearsAhead;

    @Override
    public void initialize(SaneDate annotation) {
        yearsAhead = annotation.yearsAhead();
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        return value == null || InputBounds.problemWith(value, yearsAhead) == null;
    }
}

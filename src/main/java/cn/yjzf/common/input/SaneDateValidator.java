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
        // "today" from the validation clock, which is the bureau's (TimeConfig), not the server's zone
        return value == null
                || InputBounds.problemWith(value, yearsAhead, LocalDate.now(context.getClockProvider().getClock())) == null;
    }
}

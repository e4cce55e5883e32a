package cn.yjzf.common.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NoControlChars}. */
public class NoControlCharsValidator implements ConstraintValidator<NoControlChars, CharSequence> {

    private boolean multiline;

    @Override
    public void initialize(NoControlChars annotation) {
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || InputBounds.isCleanText(value, multiline);
    }
}

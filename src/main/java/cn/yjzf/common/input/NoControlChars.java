package cn.yjzf.common.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text without NUL or other control characters (Unicode category Cc, except tab and line breaks where
 * {@code multiline} allows them). Such characters are invisible on pages and in documents, break PostgreSQL (NUL)
 * and are a classic way to smuggle content past a reviewer. Null is valid (use {@code @NotBlank} for required).
 */
@Documented
@Constraint(validatedBy = NoControlCharsValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlChars {

    String message() default "不能包含控制字符";

    /** Whether tab, line feed and carriage return are allowed (descriptions, notes). */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package cn.yjzf.common.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date no earlier than {@link InputBounds#EARLIEST_DATE} and no later than today plus {@code yearsAhead} years
 * (0: not in the future, e.g. an inspection that took place). Null is valid (use {@code @NotNull} for required).
 */
@Documented
@Constraint(validatedBy = SaneDateValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneDate {

    String message() default "日期超出允许范围（1949-10-01 至今）";

    int yearsAhead() default 0;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

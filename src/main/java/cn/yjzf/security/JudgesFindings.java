package cn.yjzf.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Judging findings without storing them (batch judgment): the case roles and rule maintainers, who use it to try
 * rules; it reads no records. Not the three administrators.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER','LEGAL_REVIEWER','APPROVER','UNIT_HEAD','RULE_MAINTAINER')")
public @interface JudgesFindings {
}

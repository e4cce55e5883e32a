package cn.yjzf.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reading case records (enterprises, inspections, findings, orders and their PDFs): the enforcement roles and those
 * who review and approve their cases. Rule maintainers and the three administrators (三员) have no business access.
 * The role × resource matrix in docs/security.md is checked against the running app by AccessMatrixTest.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER','LEGAL_REVIEWER','APPROVER','UNIT_HEAD')")
public @interface ReadsCases {

    /** The roles {@link ReadsCases} names, for code that decides what to show rather than whether to answer. */
    java.util.Set<cn.yjzf.organisation.Role> ROLES = java.util.EnumSet.of(cn.yjzf.organisation.Role.OFFICER,
            cn.yjzf.organisation.Role.TOWNSHIP_ENFORCER, cn.yjzf.organisation.Role.LEGAL_REVIEWER,
            cn.yjzf.organisation.Role.APPROVER, cn.yjzf.organisation.Role.UNIT_HEAD);
}

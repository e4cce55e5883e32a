package cn.yjzf.statistics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reading statistics: those who supervise (负责人, 执法机构负责人: their agency and the agencies below it) and the
 * enforcers for their own agency or township. Not 法制审核人员, rule maintainers or the 三员 (docs/security.md).
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER','APPROVER','UNIT_HEAD')")
@interface ReadsStatistics {
}

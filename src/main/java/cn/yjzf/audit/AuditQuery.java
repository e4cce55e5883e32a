package cn.yjzf.audit;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * A search of the audit trail by user, time range (days, in the server's time zone, both ends inclusive), action
 * and record (type and id). Parsed from request parameters so each bad one is a 400 naming its field.
 */
public record AuditQuery(String actor, LocalDate from, LocalDate to, String action, String entityType, Long entityId) {

    private static final int TEXT_MAX = 50;

    public static AuditQuery parse(String actor, String from, String to, String action, String entityType,
                                   String entityId) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new FieldProblem("to", "RANGE_REVERSED", "结束日期不能早于开始日期"));
        }
        Long id = null;
        if (!blank(entityId)) {
            try {
                id = Long.valueOf(entityId.trim());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("entityId", "INVALID_FORMAT", "记录编号应为整数"));
            }
        }
        text("actor", actor, problems);
        text("action", action, problems);
        text("entityType", entityType, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AuditQuery(trim(actor), fromDate, toDate, trim(action), trim(entityType), id);
    }

    /** {@code zone}: the bureau's (AppTime), in which the from/to dates the user typed are days. */
    Specification<AuditEvent> specification(ZoneId zone) {
        return (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (actor != null) {
                where.add(cb.equal(root.get("actor"), actor));
            }
            if (action != null) {
                where.add(cb.equal(root.get("action"), action));
            }
            if (entityType != null) {
                where.add(cb.equal(root.get("entityType"), entityType));
            }
            if (entityId != null) {
                where.add(cb.equal(root.get("entityId"), entityId));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.<Instant>get("occurredAt"), from.atStartOfDay(zone).toInstant()));
            }
            if (to != null) {
                where.add(cb.lessThan(root.<Instant>get("occurredAt"), to.plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                problems.add(new FieldProblem(field, "OUT_OF_RANGE", "日期应在2000年至2100年之间"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "INVALID_FORMAT", "日期格式应为 yyyy-MM-dd"));
            return null;
        }
    }

    private static void text(String field, String value, List<FieldProblem> problems) {
        if (value != null && (value.length() > TEXT_MAX || value.chars().anyMatch(Character::isISOControl))) {
            problems.add(new FieldProblem(field, "INVALID_TEXT", "检索条件不超过50字且不含控制字符"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}

package cn.yjzf.common;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Error pages in Chinese for the web UI; the JSON API has {@link ApiExceptionHandler}, which takes precedence.
 * Bad form input is a 400 page naming the field; nothing unexpected shows a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(WebExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String concurrent(Model model) {
        model.addAttribute("message", "该记录已被他人修改，请返回刷新后重试");
        return "problem";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        return badInput(e.problems(), model);
    }

    @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unbound(BindException e, Model model) {
        return badInput(WebForms.problems(e.getBindingResult()), model);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalidParameter(HandlerMethodValidationException e, Model model) {
        return badInput(ApiExceptionHandler.problems(e), model);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String missing(MissingServletRequestParameterException e, Model model) {
        return badInput(List.of(new FieldProblem(e.getParameterName(), "REQUIRED",
                "缺少必填项（参数 " + e.getParameterName() + "）")), model);
    }

    @ExceptionHandler(TypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String mismatch(TypeMismatchException e, Model model) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return badInput(List.of(new FieldProblem(field, "INVALID_FORMAT", "参数 " + field + " 格式不正确" + expected(e))), model);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unreadable(Model model) {
        return badInput(List.of(new FieldProblem("body", "MALFORMED_JSON", "请求内容格式不正确")), model);
    }

    /** Spring Security's firewall refuses e.g. control characters in parameter names when they are first read. */
    @ExceptionHandler(RequestRejectedException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String rejected(Model model) {
        return badInput(List.of(new FieldProblem("request", "REQUEST_REJECTED", "请求包含不允许的字符")), model);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(PayloadTooLargeException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    /** Security decides 401/403 itself; Spring MVC's own request errors keep their status; the rest is a 500. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        PayloadTooLargeException tooLarge = PayloadTooLargeException.in(e);
        if (tooLarge != null) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return tooLarge(tooLarge, model);
        }
        int status = e instanceof ErrorResponse er ? er.getStatusCode().value() : 500;
        if (status >= 500) {
            log.error("Page request failed", e);
        }
        response.setStatus(status);
        model.addAttribute("message", status >= 500 ? "系统内部错误，已记录，请稍后重试或联系管理员" : "请求无法处理，请返回重试");
        return "problem";
    }

    /** What the page expected instead, in words an officer reads (a hand-edited URL is the usual cause). */
    private static String expected(TypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        if (type == java.time.LocalDate.class) {
            return "，应为日期，如 2025-03-01";
        }
        if (type == java.time.YearMonth.class) {
            return "，应为月份，如 2025-03";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type == long.class || type == int.class)) {
            return "，应为数字";
        }
        return "";
    }

    private static String badInput(List<FieldProblem> problems, Model model) {
        model.addAttribute("message", "输入有误：" + String.join("；",
                problems.stream().map(p -> p.message() == null ? p.field() : p.message()).toList()));
        model.addAttribute("errors", problems);
        return "problem";
    }
}

package cn.yjzf.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures of the JSON API into {@link ApiError} bodies with stable codes; web pages handle their own.
 * Spring MVC's own request errors (missing parameter, wrong media type, unknown method …) come through
 * {@link ResponseEntityExceptionHandler} with their proper 4xx status; anything unexpected is a 500 with a fixed
 * message — the stack trace only goes to the log.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::problem).toList();
        return body(badRequest(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(badRequest(problems(e)));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return badRequest(e.problems());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return body(unreadable(e));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return body(badRequest(List.of(new FieldProblem(field, "INVALID_FORMAT", "格式不正确"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(badRequest(List.of(new FieldProblem(e.getParameterName(), "REQUIRED", "缺少必填参数"))));
    }

    /** Every other Spring MVC request error keeps its status and gets a stable code instead of a ProblemDetail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String code = switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        if (status.is5xxServerError()) {
            log.error("API request failed", e);
        }
        return ResponseEntity.status(status).headers(headers)
                .body(new ApiError(code, status.is5xxServerError() ? INTERNAL : "请求无法处理", List.of()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("NOT_FOUND", e.getMessage(), List.of()));
    }

    /** Spring Security's firewall refuses e.g. control characters in parameter names when they are first read. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ApiError> rejected() {
        return badRequest(List.of(new FieldProblem("request", "REQUEST_REJECTED", "请求包含不允许的字符")));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(new ApiError(ErrorCodes.PAYLOAD_TOO_LARGE, e.getMessage(), List.of()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(e.code(), e.getMessage(), List.of()));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ApiError> concurrentEdit(ObjectOptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ApiError("CONCURRENT_EDIT", "该记录已被他人修改，请刷新后重试", List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        if (e instanceof ForbiddenException f) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(f.code(), f.getMessage(), List.of()));
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("FORBIDDEN", "无权执行此操作", List.of()));
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    ResponseEntity<ApiError> unauthenticated() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ApiError("UNAUTHORIZED", "请先登录", List.of()));
    }

    /** The last resort: logged with its stack trace, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        PayloadTooLargeException tooLarge = PayloadTooLargeException.in(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        log.error("API request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("INTERNAL_ERROR", INTERNAL, List.of()));
    }

    private static final String INTERNAL = "服务器内部错误，已记录，请稍后重试或联系管理员";

    static ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        PayloadTooLargeException tooLarge = PayloadTooLargeException.in(e);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(new ApiError(ErrorCodes.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of()));
        }
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return badRequest(List.of(new FieldProblem(field, "INVALID_FORMAT", "格式不正确")));
        }
        return ResponseEntity.badRequest().body(new ApiError("MALFORMED_JSON", "请求体不是有效的 JSON", List.of()));
    }

    private static ResponseEntity<Object> body(ResponseEntity<ApiError> response) {
        return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
    }

    static ResponseEntity<ApiError> badRequest(List<FieldProblem> problems) {
        return ResponseEntity.badRequest().body(new ApiError("VALIDATION_FAILED", "输入有误，请检查标出的字段", problems));
    }

    /** Constraint violations on {@code @RequestParam}/{@code @PathVariable} parameters, one problem each. */
    static List<FieldProblem> problems(HandlerMethodValidationException e) {
        return e.getParameterValidationResults().stream().flatMap(r -> r.getResolvableErrors().stream()
                .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(), constraint(err),
                        err.getDefaultMessage()))).toList();
    }

    private static String constraint(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return ErrorCodes.of(codes == null || codes.length == 0 ? null : codes[codes.length - 1]);
    }

    static FieldProblem problem(FieldError fe) {
        if (fe.isBindingFailure()) { // a value that could not be converted (e.g. "abc" for a number or date)
            return new FieldProblem(fe.getField(), "INVALID_FORMAT", "格式不正确");
        }
        return new FieldProblem(fe.getField(), ErrorCodes.of(fe.getCode()), fe.getDefaultMessage());
    }
}

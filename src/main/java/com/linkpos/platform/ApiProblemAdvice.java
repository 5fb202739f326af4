package com.linkpos.platform;

import com.linkpos.shared.ProblemException;
import com.linkpos.shared.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.dao.DataAccessException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure of an API call becomes a problem body; never a stack trace, never an HTML page. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final Problems problems;

    ApiProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Map<String, Object>> problem(ProblemException problem, HttpServletRequest request) {
        return problems.response(problem, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException exception, HttpServletRequest request) {
        FieldProblem error = null;
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) { // found while Jackson read a value: deeper in the chain than Jackson's own
                return problems.response(Problems.simple(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large"), request);
            }
            if (error == null && cause instanceof JacksonException json && (isDuplicateKey(json) || !json.getPath().isEmpty())) {
                error = fieldProblem(json);
            }
        }
        return problems.response(ProblemException.badRequest(List.of(error != null ? error
                : FieldProblem.of("body", "malformed_json"))), request);
    }

    /** A value of the wrong type met after the body was read (a merge patch applied to a link). */
    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Map<String, Object>> wrongType(JacksonException exception, HttpServletRequest request) {
        return problems.response(ProblemException.badRequest(List.of(fieldProblem(exception))), request);
    }

    /** A value the database cannot take at all (a NUL character): refused, not a 500. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> unstorable(DataAccessException exception, HttpServletRequest request) {
        if (DataExceptions.isBadInput(exception)) {
            return problems.response(ProblemException.badRequest(List.of(FieldProblem.of("body", "invalid_characters"))),
                    request);
        }
        return other(exception, request);
    }

    /** The field a JSON problem is about, and what is wrong with it. */
    private static FieldProblem fieldProblem(JacksonException exception) {
        if (isDuplicateKey(exception)) {
            String path = JsonPaths.of(exception);
            String name = exception instanceof StreamReadException read && read.processor() != null
                    ? read.processor().streamReadContext().currentName() : null;
            String field = path.isEmpty() ? (name == null ? "body" : name) : name == null ? path : path + "." + name;
            return FieldProblem.of(field, "duplicate_field");
        }
        String code = exception instanceof UnrecognizedPropertyException ? "unknown_field"
                : exception instanceof InputCoercionException ? "number_out_of_range" : "invalid_type";
        return FieldProblem.of(JsonPaths.of(exception), code);
    }

    /** Jackson's STRICT_DUPLICATE_DETECTION refusal (JsonConfiguration). */
    private static boolean isDuplicateKey(JacksonException exception) {
        return exception instanceof StreamReadException && exception.getOriginalMessage() != null
                && exception.getOriginalMessage().startsWith("Duplicate Object property");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> parameter(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        return problems.response(ProblemException.badRequest(
                List.of(FieldProblem.of(exception.getName(), "invalid_type"))), request);
    }

    /** Spring's own refusals (wrong method, media type, missing parameter) keep their status; anything else is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception exception, HttpServletRequest request) {
        if (RequestSizeLimit.isPartTooLarge(exception)) {
            return problems.response(Problems.simple(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large"), request);
        }
        if (exception instanceof ErrorResponse refusal) {
            HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
            return problems.response(Problems.simple(status, codeFor(status)), request);
        }
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), exception);
        return problems.response(Problems.simple(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error"), request);
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            default -> status.is4xxClientError() ? "validation_failed" : "internal_error";
        };
    }
}

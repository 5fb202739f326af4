package com.linkpos.platform;

import com.linkpos.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem bodies for the API: status, a localized title and detail, the stable
 * machine {@code code}, and for invalid input the list of field errors.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public Map<String, Object> body(ProblemException problem, Locale locale, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("status", problem.status().value());
        body.put("title", message("problem." + problem.code() + ".title", new Object[0], locale,
                problem.status().getReasonPhrase()));
        List<Map<String, Object>> errors = problem.errors().stream().map(e -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", e.field());
            error.put("code", e.code());
            error.put("message", message(e.messageKey(), e.args(), locale, e.code()));
            return error;
        }).toList();
        String detail = errors.isEmpty()
                ? message("problem." + problem.code() + ".detail", new Object[0], locale, null)
                : (String) errors.get(0).get("message");
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("code", problem.code());
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    public ResponseEntity<Map<String, Object>> response(ProblemException problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON)
                .body(body(problem, Languages.fromAcceptLanguage(request), request.getRequestURI()));
    }

    /** For places outside Spring MVC (security filters), where no message converter runs. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem) throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String instance = original instanceof String uri ? uri : request.getRequestURI();
        response.getOutputStream().write(json.writeValueAsBytes(
                body(problem, Languages.fromAcceptLanguage(request), instance)));
    }

    public static ProblemException simple(HttpStatus status, String code) {
        return new ProblemException(status, code, List.of());
    }

    private String message(String key, Object[] args, Locale locale, String fallback) {
        return messages.getMessage(key, args, fallback, locale);
    }
}

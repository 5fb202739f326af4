package com.linkpos.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that escape every controller (unknown URLs, failures in filters): a problem body under
 * /api, a plain page in the user's language everywhere else. Never a stack trace.
 */
@Controller
class LinkPosErrorController implements ErrorController {

    private final Problems problems;

    LinkPosErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && RequestSizeLimit.isPartTooLarge(failure)) {
            status = HttpStatus.CONTENT_TOO_LARGE; // an upload past its limit, refused as Tomcat read it (a filter asked first)
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith("/api/")) {
            problems.write(request, response, Problems.simple(status, ApiProblemAdvice.codeFor(status)));
            return null;
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", switch (status.value()) {
            case 403 -> "error.page.forbidden";
            case 404 -> "error.page.notFound";
            case 429 -> "error.page.tooMany";
            default -> status.is4xxClientError() ? "error.page.badRequest" : "error.page.internal";
        });
        return "error";
    }
}

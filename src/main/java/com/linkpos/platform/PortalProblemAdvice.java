package com.linkpos.platform;

import com.linkpos.shared.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal that escapes a portal page (another merchant's link, an unknown id) answers with its
 * own status and the plain error page, not a 500. The API's controllers are answered first by
 * {@link ApiProblemAdvice}, which comes before this advice.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PortalProblemAdvice {

    @ExceptionHandler(ProblemException.class)
    void refused(ProblemException problem, HttpServletResponse response) throws IOException {
        response.sendError(problem.status().value());
    }

    /** Input the database cannot even hold (a NUL character) is a bad request, not a failure. */
    @ExceptionHandler(DataAccessException.class)
    void unstorable(DataAccessException exception, HttpServletResponse response) throws IOException {
        if (!DataExceptions.isBadInput(exception)) {
            throw exception;
        }
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}

package com.linkpos.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's largest request is a few kilobytes. A body announced larger than 64 KiB is refused at
 * once; one that does not announce its length (chunked) is cut off when it passes the limit. The one
 * exception is an upload of bulk links [X1]: a multipart file of up to {@link #UPLOAD_LIMIT}, which
 * Tomcat writes to a temporary file as it arrives (spring.servlet.multipart.max-request-size says the same).
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long LIMIT = 64 * 1024;
    /** The largest multipart upload, headers of its parts included (application.yml: max-request-size). */
    static final long UPLOAD_LIMIT = 21L * 1024 * 1024;
    /** Where the API takes uploads. */
    private static final String UPLOADS = "/api/v1/links/bulk";

    private final Problems problems;

    RequestSizeLimit(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isUpload(request) ? UPLOAD_LIMIT : LIMIT;
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, Problems.simple(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large"));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /**
     * Whether a failure is an upload past spring.servlet.multipart's limits: Tomcat refuses the part as it
     * parses it, wherever that happens first (a filter asking for a parameter, or the handler's argument).
     */
    static boolean isPartTooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException
                    || cause instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && UPLOADS.equals(request.getRequestURI())
                && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new BodyTooLarge(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new BodyTooLarge(limit);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}

package com.linkpos.platform;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before any of LinkPOS runs (a path with {@code %00}, a malformed
 * request line) and would answer them with its own HTML page. This valve takes the place of Tomcat's
 * error report: a problem body under /api, as every other API error; elsewhere a plain page in
 * Turkish and English. Never a stack trace or a server version.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** After Spring Boot's own customizer, which puts Tomcat's valve on the host; ours replaces it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new PlainErrorReport());
            // else the host, finding no valve of the class it is told to use, adds Tomcat's own at start
            ((StandardHost) host).setErrorReportValveClass(PlainErrorReport.class.getName());
        });
    }

    public static final class PlainErrorReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getDecodedRequestURI();
            boolean api = uri == null ? request.getRequestURI() != null && request.getRequestURI().startsWith("/api/")
                    : uri.startsWith("/api/");
            boolean english = Languages.fromAcceptLanguage(request.getHeader("Accept-Language")).getLanguage().equals("en");
            try {
                response.setCharacterEncoding("UTF-8");
                Writer out = response.getReporter();
                if (out == null) {
                    return;
                }
                if (api) {
                    response.setContentType("application/problem+json");
                    out.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\""
                            + (english ? "The request could not be understood" : "İstek anlaşılamadı")
                            + "\",\"detail\":\"" + (english ? "The address or the request is malformed."
                            : "Adres veya istek biçimi geçersiz.") + "\",\"code\":\""
                            + (status == 400 ? "validation_failed" : status >= 500 ? "internal_error" : "not_found") + "\"}");
                } else {
                    response.setContentType("text/html");
                    out.write("<!DOCTYPE html><html lang=\"" + (english ? "en" : "tr") + "\"><head><meta charset=\"utf-8\">"
                            + "<title>LinkPOS</title></head><body><h1>" + status + "</h1><p>"
                            + (english ? "The request could not be understood." : "İstek anlaşılamadı.")
                            + "</p><p><a href=\"/\">LinkPOS</a></p></body></html>");
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone, or the response cannot take a body any more
            }
        }
    }
}

package com.linkpos.audit;

import com.linkpos.platform.Caller;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.WebAccess;
import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ListPages;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * [S2] The audit log in the portal: a merchant admin's page of the merchant's events, the bank's of
 * everyone's, each with filters and a CSV export of what the filters find.
 */
@Controller
class AuditPortalController implements WebAccess {

    private static final int PAGE = 100;

    private final AuditLog log;
    private final java.time.Clock clock;

    AuditPortalController(AuditLog log, java.time.Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void portal(PortalAccess access) {
        access.merchantAdmins("/audit/**");
        access.bank("/bank/audit/**");
    }

    @GetMapping({"/audit", "/bank/audit"})
    String page(Caller caller, @RequestParam Map<String, String> params, Model model) {
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, String> filters = new java.util.HashMap<>(params);
        // a first look: the last week
        filters.putIfAbsent("from", LocalDate.now(clock.withZone(BusinessTime.ZONE)).minusDays(6).toString());
        AuditQuery query = AuditQuery.parse(filters, errors);
        String cursor = ListPages.after(params.get("cursor"), AuditApiController.ID, errors);
        List<AuditEvent> page = errors.isEmpty() ? log.page(caller, query, cursor, PAGE + 1) : List.of();
        boolean more = page.size() > PAGE;
        model.addAttribute("events", more ? page.subList(0, PAGE) : page);
        model.addAttribute("next", more ? ListPages.cursor(page.get(PAGE - 1).id()) : null);
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("base", caller.isBank() ? "/bank/audit" : "/audit");
        return "audit/events";
    }

    /** Every event the filters find, as CSV (RFC 4180, UTF-8): the auditors' own copy. */
    @GetMapping({"/audit/export", "/bank/audit/export"})
    ResponseEntity<StreamingResponseBody> export(Caller caller, @RequestParam Map<String, String> params) {
        List<FieldProblem> errors = new ArrayList<>();
        AuditQuery query = AuditQuery.parse(params, errors);
        if (!errors.isEmpty()) {
            throw com.linkpos.shared.ProblemException.badRequest(errors);
        }
        StreamingResponseBody body = out -> {
            BufferedWriter csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write("id,at,merchantId,actorType,actor,address,action,objectId,changes\r\n");
            try {
                log.each(caller, query, event -> {
                    try {
                        csv.write(row(event));
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            csv.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-events.csv").build().toString())
                .body(body);
    }

    private static String row(AuditEvent event) {
        String changes = event.changes().entrySet().stream()
                .map(change -> change.getKey() + ": " + shown(change.getValue().get(0)) + " → " + shown(change.getValue().get(1)))
                .collect(Collectors.joining("; "));
        return String.join(",", List.of(cell(event.id()), cell(event.at().toString()), cell(event.merchantId()),
                cell(event.actor().type().name()), cell(event.actor().name()), cell(event.address()), cell(event.action()),
                cell(event.objectId()), cell(changes))) + "\r\n";
    }

    /** As the page shows it: a dash for what was not there. */
    private static String shown(String value) {
        return value == null ? "—" : value;
    }

    /** RFC 4180, and a cell a spreadsheet would run as a formula starts with ' (what a user typed lands here). */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

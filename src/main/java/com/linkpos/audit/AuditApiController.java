package com.linkpos.audit;

import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ListPages;
import com.linkpos.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** [S2] {@code GET /api/v1/audit-events}: a merchant key reads its merchant's events, the bank key everyone's. */
@RestController
@Tag(name = "Audit log")
class AuditApiController {

    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("aud_[0-9A-Z]{26}");

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    @Schema(name = "AuditActor")
    record ActorJson(@Schema(allowableValues = {"USER", "API_KEY", "BANK", "SYSTEM"}) String type,
                     @Schema(description = "A user name, an API key's id, or a job of LinkPOS.") String name) {
    }

    @Schema(name = "AuditEvent")
    record EventJson(@Schema(example = "aud_01JZ…") String id, Instant at, ActorJson actor,
                     @Schema(nullable = true, description = "The address the request came from; null for LinkPOS's own jobs.")
                     String address,
                     @Schema(example = "link.updated") String action,
                     @Schema(nullable = true, example = "lnk_01JZ…") String objectId,
                     @Schema(nullable = true, description = "The bank's view only: the merchant of the event.") String merchantId,
                     @Schema(description = "Each changed value as `[before, after]`; a secret only as changed (`•••`).")
                     Map<String, List<String>> changes) {

        static EventJson of(AuditEvent event) {
            return new EventJson(event.id(), event.at(), new ActorJson(event.actor().type().name(), event.actor().name()),
                    event.address(), event.action(), event.objectId(), event.merchantId(), event.changes());
        }
    }

    @Schema(name = "AuditEventList", description = "A page of audit events, newest first.")
    record EventList(List<EventJson> data,
                     @Schema(nullable = true, description = "The `cursor` of the next page; null on the last page.")
                     String nextCursor) {
    }

    @GetMapping("/api/v1/audit-events")
    @Operation(operationId = "listAuditEvents", summary = "Read the audit log",
            description = "[S2] Every state change by a portal user, an API key or the bank, and every login and failed "
                    + "login: who, when, from which address, what, and the changed values. A merchant key reads its "
                    + "merchant's events; the bank key every merchant's (and `merchantId` narrows it). Newest first, a page "
                    + "at a time. Nothing can change or delete an event.")
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "At or after: an Istanbul day (`2026-12-01`) "
                    + "or an ISO-8601 time.", schema = @Schema(type = "string")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Before: an ISO-8601 time, or to the end of an "
                    + "Istanbul day.", schema = @Schema(type = "string")),
            @Parameter(name = "action", in = ParameterIn.QUERY, description = "One action (`link.updated`), or every action "
                    + "of a kind (`link.`).", schema = @Schema(type = "string")),
            @Parameter(name = "actor", in = ParameterIn.QUERY, description = "The actor's name (a user name, an API key's id).",
                    schema = @Schema(type = "string")),
            @Parameter(name = "objectId", in = ParameterIn.QUERY, description = "The object changed (`lnk_…`, `txn_…`).",
                    schema = @Schema(type = "string")),
            @Parameter(name = "merchantId", in = ParameterIn.QUERY, description = "The bank key only: one merchant's events.",
                    schema = @Schema(type = "string")),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Events per page.", schema = @Schema(type = "integer",
                    format = "int32", minimum = "1", maximum = "" + ListPages.MAX_LIMIT, defaultValue = "" + ListPages.DEFAULT_LIMIT)),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The `nextCursor` of the page before.",
                    schema = @Schema(type = "string"))})
    EventList list(Caller caller, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
        List<FieldProblem> errors = new ArrayList<>();
        AuditQuery query = AuditQuery.parse(params, errors);
        int limit = ListPages.limit(params.get("limit"), errors);
        String cursor = ListPages.after(params.get("cursor"), ID, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        List<AuditEvent> page = log.page(caller, query, cursor, limit + 1);
        boolean more = page.size() > limit;
        List<AuditEvent> shown = more ? page.subList(0, limit) : page;
        return new EventList(shown.stream().map(EventJson::of).toList(), more ? ListPages.cursor(shown.get(shown.size() - 1).id()) : null);
    }

}

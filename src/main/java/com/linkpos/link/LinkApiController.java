package com.linkpos.link;

import com.linkpos.merchant.Caller;
import com.linkpos.notification.Delivery;
import com.linkpos.notification.Notifications;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The links API of API.md: create, list with a cursor, get, merge-patch, delete. */
@RestController
@RequestMapping("/api/v1/links")
class LinkApiController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern ID = Pattern.compile("lnk_[0-9A-Z]{26}");

    private final Links links;
    private final LinkUrls urls;
    private final Notifications notifications;
    private final JsonMapper json;

    LinkApiController(Links links, LinkUrls urls, Notifications notifications, JsonMapper json) {
        this.links = links;
        this.urls = urls;
        this.notifications = notifications;
        this.json = json;
    }

    record Notify(String sms, String email) {
    }

    record LinkRequest(String orderNumber, String amount, String currency, Integer installments,
                       OffsetDateTime validFrom, OffsetDateTime validUntil, String usage, String description,
                       Boolean payerNoteEnabled, @JsonProperty("notify") Notify notification, String returnUrl) {

        LinkInput toInput() {
            return new LinkInput(orderNumber, amount, currency, installments,
                    validFrom == null ? null : validFrom.toInstant(), validUntil == null ? null : validUntil.toInstant(),
                    usage, description, payerNoteEnabled,
                    notification == null ? null : notification.sms(), notification == null ? null : notification.email(),
                    returnUrl);
        }
    }

    record LinkResponse(String id, String url, String orderNumber, String amount, String currency, int installments,
                        Instant validFrom, Instant validUntil, String usage, String description,
                        boolean payerNoteEnabled, String status, int paymentCount, String collectedAmount,
                        String returnUrl, Instant createdAt, Instant updatedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LinkResponse create(Caller caller, @RequestBody LinkRequest request) {
        return response(links.create(caller, request.toInput()));
    }

    @GetMapping
    Map<String, Object> list(Caller caller,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) String orderNumber,
                             @RequestParam(required = false) OffsetDateTime createdFrom,
                             @RequestParam(required = false) OffsetDateTime createdTo,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String cursor) {
        List<FieldProblem> errors = new ArrayList<>();
        LinkStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = LinkStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(FieldProblem.of("status", "invalid_status"));
            }
        }
        if (orderNumber != null && !orderNumber.isBlank() && !LinkRules.ORDER_NUMBER.matcher(orderNumber.strip()).matches()) {
            errors.add(FieldProblem.of("orderNumber", "invalid_order_number"));
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            errors.add(FieldProblem.of("limit", "invalid_limit", MAX_LIMIT));
        }
        String afterId = cursor == null || cursor.isBlank() ? null : decodeCursor(cursor);
        if (cursor != null && !cursor.isBlank() && afterId == null) {
            errors.add(FieldProblem.of("cursor", "invalid_cursor"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        LinkQuery query = new LinkQuery(wanted, orderNumber == null || orderNumber.isBlank() ? null : orderNumber.strip(),
                createdFrom == null ? null : createdFrom.toInstant(), createdTo == null ? null : createdTo.toInstant());
        List<Link> page = links.page(caller, query, afterId, size + 1);
        boolean more = page.size() > size;
        List<Link> shown = more ? page.subList(0, size) : page;
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("data", shown.stream().map(this::response).toList());
        body.put("nextCursor", more ? encodeCursor(shown.get(shown.size() - 1).id()) : null);
        return body;
    }

    @GetMapping("/{id}")
    LinkResponse get(Caller caller, @PathVariable String id) {
        return response(links.get(caller, id));
    }

    /** RFC 7396 merge patch over the link's current terms: absent fields keep their values. */
    @PatchMapping("/{id}")
    LinkResponse patch(Caller caller, @PathVariable String id, @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            throw ProblemException.badRequest(List.of(FieldProblem.of("body", "malformed_json")));
        }
        return response(links.update(caller, id, current -> {
            ObjectNode merged = json.valueToTree(currentRequest(current));
            mergePatch(merged, patch);
            return json.treeToValue(merged, LinkRequest.class).toInput();
        }));
    }

    /** RFC 7396: objects merge member by member, anything else replaces; null removes. */
    private static void mergePatch(ObjectNode target, JsonNode patch) {
        patch.properties().forEach(field -> {
            if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                mergePatch(nested, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    /** API.md: the link sent again by SMS and/or e-mail (checked as when the link was made). */
    @PostMapping("/{id}/notifications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> notify(Caller caller, @PathVariable String id, @RequestBody Notify request) {
        links.get(caller, id); // another merchant's link is not found, whatever the body says
        List<FieldProblem> errors = new ArrayList<>();
        LinkRules.Recipients to = LinkRules.recipients(request.sms(), request.email(), "", errors);
        String sms = to.sms();
        String email = to.email();
        if (errors.isEmpty() && sms == null && email == null) {
            errors.add(FieldProblem.of("sms", "required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> queued = links.notify(caller, id, sms, email);
        return Map.of("data", notifications.ofLink(caller.merchantId(), id).stream()
                .filter(delivery -> queued.contains(delivery.id())).map(LinkApiController::deliveryJson).toList());
    }

    @GetMapping("/{id}/notifications")
    Map<String, Object> notifications(Caller caller, @PathVariable String id) {
        Link link = links.get(caller, id);
        return Map.of("data", notifications.ofLink(caller.merchantId(), link.id()).stream()
                .map(LinkApiController::deliveryJson).toList());
    }

    /** API.md's delivery: channel, masked address, status, attempts, time sent, last error. */
    private static Map<String, Object> deliveryJson(Delivery delivery) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("id", delivery.id());
        json.put("channel", delivery.channel());
        json.put("to", delivery.recipient());
        json.put("status", delivery.status());
        json.put("attempts", delivery.attempts());
        json.put("sentAt", delivery.sentAt());
        json.put("lastError", delivery.lastError());
        json.put("createdAt", delivery.createdAt());
        return json;
    }

    @DeleteMapping("/{id}")
    LinkResponse delete(Caller caller, @PathVariable String id) {
        return response(links.delete(caller, id));
    }

    private static LinkRequest currentRequest(Link link) {
        return new LinkRequest(link.orderNumber(), link.amount().toDecimalString(), link.amount().currency().name(),
                link.installments(), link.validFrom().atOffset(java.time.ZoneOffset.UTC),
                link.validUntil().atOffset(java.time.ZoneOffset.UTC), link.usage().name(), link.description(),
                link.payerNoteEnabled(), new Notify(link.notifySms(), link.notifyEmail()), link.returnUrl());
    }

    LinkResponse response(Link link) {
        return new LinkResponse(link.id(), urls.of(link), link.orderNumber(), link.amount().toDecimalString(),
                link.amount().currency().name(), link.installments(), link.validFrom(), link.validUntil(),
                link.usage().name(), link.description(), link.payerNoteEnabled(), link.status(links.now()).name(),
                link.paymentCount(), link.collected().toDecimalString(), link.returnUrl(), link.createdAt(), link.updatedAt());
    }

    private static String encodeCursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
    }

    private static String decodeCursor(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            return ID.matcher(id).matches() ? id : null;
        } catch (IllegalArgumentException garbage) {
            return null;
        }
    }
}

package com.linkpos.link;

import com.linkpos.platform.Caller;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ListPages;
import com.linkpos.platform.ProblemCodes;
import com.linkpos.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
@Tag(name = "Links")
class LinkApiController {

    /** RFC 7396's media type: PATCH takes it, and plain JSON. */
    private static final String PAYER_CHOOSES = "[T1] The payer chooses the installment count, from 1 to `installments`, "
            + "among those the card may use.";
    private static final String REMINDER = "[X2] An ISO-8601 duration before `validUntil` when the link's recipients are "
            + "reminded of it (SMS and e-mail, through the outbox), once; never after a payment, deletion or expiry.";
    private static final String MAX_PAYMENTS = "[X5] Multi-use only: the most successful payments the link takes, then it "
            + "is USED; concurrent payers never pass it. Left out: no limit. Never at or below the payments taken "
            + "(409 link_payment_limit_reached).";
    private static final String COST_BORNE_BY = "[T2] Who bears the vade farkı of an installment payment: the merchant (the "
            + "payer pays `amount`) or the payer (`amount` plus the bank's rate for the count, shown before paying).";
    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String LINK_ID = "The link's id (`lnk_…`).";
    // The examples of amounts end in a non-zero digit: swagger-core reads an example as JSON first, and
    // "1250.50" would be described as "1250.5".
    private static final String AMOUNT = "A decimal string with at most the currency's minor digits (none for JPY).";
    /** {@link LinkRules#ORDER_NUMBER}, as OpenAPI writes a pattern. */
    private static final String ORDER_NUMBER_PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    private static final String RETURN_URL = "An absolute http(s) address the payer's result page links back to, with "
            + "the query parameters `linkpos_status` (APPROVED, DECLINED, or PENDING while the bank has not answered), "
            + "`linkpos_order` (the order number) and `linkpos_transaction` (the transaction's id, empty when there is "
            + "none) added.";
    private static final Pattern ID = Pattern.compile("lnk_[0-9A-Z]{26}");
    private static final String OPEN_AMOUNT = "[X4] Instead of `amount`: the payer types an amount from `min` to `max` "
            + "(TRY, one payment); a payment outside is refused with `amount_out_of_range`.";
    private static final String PRE_AUTHORIZATION = "[X6] The link's payments are holds (`PRE_AUTH`) that the merchant "
            + "captures (up to the held amount) or releases; one payment, no installments.";

    private final Links links;
    private final LinkUrls urls;
    private final LinkDeliveries deliveries;
    private final JsonMapper json;

    LinkApiController(Links links, LinkUrls urls, LinkDeliveries deliveries, JsonMapper json) {
        this.links = links;
        this.urls = urls;
        this.deliveries = deliveries;
        this.json = json;
    }

    @Schema(name = "LinkRecipients", description = "Where the link is sent: a Turkish mobile number and/or an e-mail address.")
    record Notify(@Schema(description = "A Turkish mobile number, in any usual writing.", example = "05321234567") String sms,
                  @Schema(format = "email", example = "musteri@example.com") String email) {
    }

    @Schema(name = "NewLink", description = "A new link. Only `amount` (or `openAmount`) is required.")
    record LinkRequest(
            @Schema(description = "Unique per merchant; left out, one is generated (`LP-…`).", pattern = ORDER_NUMBER_PATTERN,
                    example = "SIP-1001") String orderNumber,
            @Schema(description = AMOUNT + " Required unless `openAmount` is given.", example = "1250.75") String amount,
            @Schema(implementation = Currency.class, description = "TRY unless the bank permitted the merchant another.",
                    defaultValue = "TRY") String currency,
            @Schema(minimum = "1", maximum = "12", defaultValue = "1",
                    description = "Installments; more than 1 only in TRY and up to the merchant's maximum.") Integer installments,
            @Schema(description = "Left out: now.") OffsetDateTime validFrom,
            @Schema(description = "Left out: 24 hours after `validFrom`; at most the configured longest validity after it.")
            OffsetDateTime validUntil,
            @Schema(implementation = LinkUsage.class, defaultValue = "SINGLE") String usage,
            @Schema(maxLength = LinkRules.DESCRIPTION_LIMIT, example = "Kasım faturası") String description,
            @Schema(defaultValue = "false", description = "Whether the payer may leave a note.") Boolean payerNoteEnabled,
            @JsonProperty("notify") Notify notification,
            @Schema(format = "uri", maxLength = 2048, description = RETURN_URL) String returnUrl,
            @Schema(defaultValue = "false", description = PAYER_CHOOSES) Boolean payerChoosesInstallments,
            @Schema(allowableValues = {"MERCHANT", "PAYER"}, defaultValue = "MERCHANT", description = COST_BORNE_BY)
            String installmentCostBorneBy,
            @Schema(minimum = "1", maximum = "1000000", description = MAX_PAYMENTS) Integer maxPayments,
            @Schema(example = "PT24H", description = REMINDER) String reminderBefore,
            @Schema(description = OPEN_AMOUNT) Range openAmount,
            @Schema(defaultValue = "false", description = PRE_AUTHORIZATION) Boolean preAuthorization) {

        LinkInput toInput() {
            return new LinkInput(orderNumber, amount, currency, installments,
                    validFrom == null ? null : validFrom.toInstant(), validUntil == null ? null : validUntil.toInstant(),
                    usage, description, payerNoteEnabled,
                    notification == null ? null : notification.sms(), notification == null ? null : notification.email(),
                    returnUrl, payerChoosesInstallments, installmentCostBorneBy, maxPayments, reminderBefore,
                    openAmount == null ? null : openAmount.min(), openAmount == null ? null : openAmount.max(),
                    preAuthorization);
        }
    }

    @Schema(name = "OpenAmount", description = OPEN_AMOUNT)
    record Range(@Schema(requiredMode = RequiredMode.REQUIRED, description = AMOUNT, example = "10.00") String min,
                 @Schema(requiredMode = RequiredMode.REQUIRED, description = AMOUNT, example = "5000.00") String max) {
    }

    /**
     * The description of PATCH's body; the server reads it as a JSON tree and merges it (RFC 7396) into
     * the link's current terms, so that an absent member keeps its value and null removes it.
     */
    @Schema(name = "LinkPatch", description = "A JSON merge patch (RFC 7396) of a link: a member left out keeps its value, "
            + "null removes it (the default of NewLink applies). The order number cannot change; once the link has been "
            + "paid, neither can `amount`, `currency`, `installments` or `usage`.")
    record LinkPatch(
            @Schema(nullable = true, pattern = ORDER_NUMBER_PATTERN, description = "Only the current one is accepted.")
            String orderNumber,
            @Schema(description = AMOUNT, example = "1250.75") String amount,
            @Schema(nullable = true, implementation = Currency.class) String currency,
            @Schema(nullable = true, minimum = "1", maximum = "12") Integer installments,
            @Schema(nullable = true) OffsetDateTime validFrom,
            @Schema(nullable = true) OffsetDateTime validUntil,
            @Schema(nullable = true, implementation = LinkUsage.class) String usage,
            @Schema(nullable = true, maxLength = LinkRules.DESCRIPTION_LIMIT) String description,
            @Schema(nullable = true) Boolean payerNoteEnabled,
            @JsonProperty("notify") @Schema(nullable = true) RecipientsPatch recipients,
            @Schema(nullable = true, format = "uri", maxLength = 2048, description = RETURN_URL) String returnUrl,
            @Schema(nullable = true, description = PAYER_CHOOSES) Boolean payerChoosesInstallments,
            @Schema(nullable = true, allowableValues = {"MERCHANT", "PAYER"}, description = COST_BORNE_BY)
            String installmentCostBorneBy,
            @Schema(nullable = true, minimum = "1", maximum = "1000000", description = MAX_PAYMENTS) Integer maxPayments,
            @Schema(nullable = true, example = "PT24H", description = REMINDER) String reminderBefore,
            @Schema(nullable = true, description = OPEN_AMOUNT) Range openAmount,
            @Schema(nullable = true, description = PRE_AUTHORIZATION) Boolean preAuthorization) {
    }

    @Schema(name = "LinkRecipientsPatch", description = "Merged member by member into the link's recipients; null removes one.")
    record RecipientsPatch(@Schema(nullable = true, example = "05321234567") String sms,
                           @Schema(nullable = true, format = "email") String email) {
    }

    @Schema(name = "Link", description = "A payment link; payers pay it at `url`.")
    record LinkResponse(@Schema(example = "lnk_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                        @Schema(format = "uri", description = "The payment page, under `linkpos.public-base-url` when configured.")
                        String url,
                        @Schema(example = "SIP-1001") String orderNumber,
                        @Schema(nullable = true, description = AMOUNT + " Null with an `openAmount` (its `max` then bounds each payment).", example = "1250.75") String amount,
                        @Schema(implementation = Currency.class) String currency,
                        @Schema(minimum = "1", maximum = "12") int installments,
                        Instant validFrom, Instant validUntil,
                        @Schema(implementation = LinkUsage.class) String usage,
                        @Schema(nullable = true) String description,
                        boolean payerNoteEnabled,
                        @Schema(implementation = LinkStatus.class) String status,
                        @Schema(description = "Approved sales not voided.") int paymentCount,
                        @Schema(description = "What those sales collected.", example = "1250.75") String collectedAmount,
                        @Schema(description = "What was paid back of them (approved refunds).", example = "0.00")
                        String refundedAmount,
                        @Schema(nullable = true, format = "uri", description = RETURN_URL) String returnUrl,
                        @Schema(description = PAYER_CHOOSES) boolean payerChoosesInstallments,
                        @Schema(allowableValues = {"MERCHANT", "PAYER"}, description = COST_BORNE_BY) String installmentCostBorneBy,
                        @Schema(nullable = true, description = MAX_PAYMENTS) Integer maxPayments,
                        @Schema(nullable = true, example = "PT24H", description = REMINDER) String reminderBefore,
                        @Schema(nullable = true, description = OPEN_AMOUNT) Range openAmount,
                        @Schema(description = PRE_AUTHORIZATION) boolean preAuthorization,
                        @Schema(description = "[X3] Views of the payment page (GET; not HEAD, not known link scanners).")
                        int views,
                        @Schema(description = "[X3] Views by known link scanners and previews, and HEAD requests.")
                        int scannerViews,
                        @Schema(nullable = true) Instant firstViewedAt,
                        @Schema(nullable = true) Instant lastViewedAt,
                        @Schema(description = "[X3] Payment attempts that reached the bank.") int attempts,
                        Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "LinkList", description = "A page of links, newest first.")
    record LinkList(List<LinkResponse> data,
                    @Schema(nullable = true, description = "The `cursor` of the next page; null on the last page.")
                    String nextCursor) {
    }

    @Schema(name = "LinkNotification", description = "One message that sent the link.")
    record DeliveryResponse(@Schema(example = "ntf_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                            @Schema(allowableValues = {"LINK", "REMINDER", "PAYMENT_RECEIVED"}, description = "The link itself, [X2] its reminder, or the payer's notice of a payment.")
                            String kind,
                            @Schema(allowableValues = {"SMS", "EMAIL"}) String channel,
                            @Schema(description = "The recipient, masked.", example = "+90 532 *** ** 67") String to,
                            @Schema(allowableValues = {"PENDING", "SENT", "FAILED"},
                                    description = "With no SMTP/SMS provider configured, a message in the local outbox is SENT.")
                            String status,
                            int attempts,
                            @Schema(nullable = true) Instant sentAt,
                            @Schema(nullable = true) String lastError,
                            Instant createdAt) {

        /** API.md's delivery: channel, masked address, status, attempts, time sent, last error. */
        static DeliveryResponse of(LinkDeliveries.Delivery delivery) {
            return new DeliveryResponse(delivery.id(), delivery.kind(), delivery.channel(), delivery.recipient(), delivery.status(),
                    delivery.attempts(), delivery.sentAt(), delivery.lastError(), delivery.createdAt());
        }
    }

    @Schema(name = "LinkNotificationList")
    record DeliveryList(List<DeliveryResponse> data) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createLink", summary = "Create a link",
            description = "Makes a payment link and, when `notify` names recipients, sends it to them by SMS and/or e-mail.")
    @ProblemCodes(status = 422, value = {"validation_failed", "order_number_taken", "currency_not_permitted",
            "installments_not_permitted", "installments_only_try", "amount_too_large", "invalid_validity_period",
            "sms_number_not_turkish_mobile"})
    LinkResponse create(Caller caller, @RequestBody LinkRequest request) {
        return response(links.create(caller, request.toInput()));
    }

    @GetMapping
    @Operation(operationId = "listLinks", summary = "List links",
            description = "The merchant's links, newest first, a page at a time; the filters combine.")
    LinkList list(Caller caller,
                  @Parameter(description = "Only links in this status.", schema = @Schema(implementation = LinkStatus.class))
                  @RequestParam(required = false) String status,
                  @Parameter(description = "Only the link with this order number.", schema = @Schema(pattern = ORDER_NUMBER_PATTERN))
                  @RequestParam(required = false) String orderNumber,
                  @Parameter(description = "Only links created at or after this time.")
                  @RequestParam(required = false) OffsetDateTime createdFrom,
                  @Parameter(description = "Only links created before this time.")
                  @RequestParam(required = false) OffsetDateTime createdTo,
                  @Parameter(description = "Links per page.",
                          schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + ListPages.MAX_LIMIT,
                                  defaultValue = "" + ListPages.DEFAULT_LIMIT))
                  @RequestParam(required = false) Integer limit,
                  @Parameter(description = "The `nextCursor` of the page before.")
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
        int size = ListPages.limit(limit == null ? null : limit.toString(), errors);
        String afterId = ListPages.after(cursor, ID, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        LinkQuery query = new LinkQuery(wanted, orderNumber == null || orderNumber.isBlank() ? null : orderNumber.strip(),
                createdFrom == null ? null : createdFrom.toInstant(), createdTo == null ? null : createdTo.toInstant());
        List<Link> page = links.page(caller, query, afterId, size + 1);
        boolean more = page.size() > size;
        List<Link> shown = more ? page.subList(0, size) : page;
        return new LinkList(shown.stream().map(this::response).toList(),
                more ? ListPages.cursor(shown.get(shown.size() - 1).id()) : null);
    }

    @Schema(name = "LinkDefaults", description = "[X2] What the merchant's new links start with.")
    record Defaults(@Schema(nullable = true, example = "PT24H", description = "The reminder of a new link created "
            + "without `reminderBefore` (null: none). A link asks for none whatever the default with `\"PT0S\"`.")
                    String reminderBefore) {
    }

    @GetMapping("/defaults")
    @Operation(operationId = "getLinkDefaults", summary = "The merchant's link defaults",
            description = "[X2] What a new link that asks for none gets: the default reminder (null: none).")
    Defaults defaults(Caller caller) {
        return new Defaults(links.defaultReminder(caller).map(java.time.Duration::toString).orElse(null));
    }

    @org.springframework.web.bind.annotation.PutMapping("/defaults")
    @Operation(operationId = "setLinkDefaults", summary = "Set the merchant's link defaults",
            description = "A merchant admin's API key only. `reminderBefore` null, blank or `PT0S`: no default reminder.")
    @ProblemCodes(status = 422, value = "validation_failed")
    @ProblemCodes(status = 403, value = "forbidden")
    Defaults setDefaults(Caller caller, @RequestBody Defaults defaults) {
        return new Defaults(links.setDefaultReminder(caller, defaults.reminderBefore()).map(java.time.Duration::toString)
                .orElse(null));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getLink", summary = "Get a link", description = "One link of the merchant, with its status now.")
    LinkResponse get(Caller caller, @Parameter(description = LINK_ID) @PathVariable String id) {
        return response(links.get(caller, id));
    }

    /**
     * RFC 7396 merge patch over the link's current terms: absent fields keep their values. The JSON
     * converter reads {@code application/*+json}, so merge-patch+json is read as plain JSON is.
     */
    @PatchMapping("/{id}")
    @Operation(operationId = "updateLink", summary = "Change a link",
            description = "Edits the link in place: same `url`, same order number. The body is a JSON merge patch "
                    + "(RFC 7396), as `application/merge-patch+json` or `application/json`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = LinkPatch.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LinkPatch.class))}))
    @ProblemCodes(status = 409, value = {"link_not_editable", "link_frozen_after_payment"})
    @ProblemCodes(status = 422, value = {"validation_failed", "order_number_immutable", "currency_not_permitted",
            "installments_not_permitted", "installments_only_try", "amount_too_large", "invalid_validity_period",
            "sms_number_not_turkish_mobile"})
    LinkResponse patch(Caller caller, @Parameter(description = LINK_ID) @PathVariable String id,
                       @RequestBody JsonNode patch) {
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
    @Operation(operationId = "sendLink", summary = "Send a link again",
            description = "Queues the link's message to the SMS number and/or e-mail address given (at least one); "
                    + "answers the messages queued.")
    @ProblemCodes(status = 409, value = "link_not_editable")
    @ProblemCodes(status = 422, value = {"validation_failed", "sms_number_not_turkish_mobile"})
    DeliveryList notify(Caller caller, @Parameter(description = LINK_ID) @PathVariable String id,
                        @RequestBody Notify request) {
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
        return new DeliveryList(deliveries.ofLink(caller.merchantId(), id).stream()
                .filter(delivery -> queued.contains(delivery.id())).map(DeliveryResponse::of).toList());
    }

    @GetMapping("/{id}/notifications")
    @Operation(operationId = "listLinkNotifications", summary = "List a link's messages",
            description = "Every SMS and e-mail that sent the link, with its delivery status.")
    DeliveryList notifications(Caller caller, @Parameter(description = LINK_ID) @PathVariable String id) {
        Link link = links.get(caller, id);
        return new DeliveryList(deliveries.ofLink(caller.merchantId(), link.id()).stream()
                .map(DeliveryResponse::of).toList());
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteLink", summary = "Delete a link",
            description = "The link can no longer be paid; answers it with `status: DELETED`. Deleting it again is harmless.")
    LinkResponse delete(Caller caller, @Parameter(description = LINK_ID) @PathVariable String id) {
        return response(links.delete(caller, id));
    }

    private static LinkRequest currentRequest(Link link) {
        return new LinkRequest(link.orderNumber(), link.openAmount() == null ? link.amount().toDecimalString() : null,
                link.amount().currency().name(),
                link.installments(), link.validFrom().atOffset(java.time.ZoneOffset.UTC),
                link.validUntil().atOffset(java.time.ZoneOffset.UTC), link.usage().name(), link.description(),
                link.payerNoteEnabled(), new Notify(link.notifySms(), link.notifyEmail()), link.returnUrl(),
                link.installmentTerms().payerChooses(), link.installmentTerms().costBorneBy().name(), link.maxPayments(),
                link.reminderBefore() == null ? null : link.reminderBefore().toString(), range(link),
                link.preAuthorization());
    }

    private static Range range(Link link) {
        return link.openAmount() == null ? null
                : new Range(link.openAmount().min().toDecimalString(), link.openAmount().max().toDecimalString());
    }

    LinkResponse response(Link link) {
        return new LinkResponse(link.id(), urls.of(link), link.orderNumber(),
                link.openAmount() == null ? link.amount().toDecimalString() : null,
                link.amount().currency().name(), link.installments(), link.validFrom(), link.validUntil(),
                link.usage().name(), link.description(), link.payerNoteEnabled(), link.status(links.now()).name(),
                link.paymentCount(), link.collected().toDecimalString(), link.refunded().toDecimalString(), link.returnUrl(),
                link.installmentTerms().payerChooses(), link.installmentTerms().costBorneBy().name(), link.maxPayments(),
                link.reminderBefore() == null ? null : link.reminderBefore().toString(), range(link), link.preAuthorization(),
                link.engagement().views(), link.engagement().scannerViews(), link.engagement().firstViewedAt(),
                link.engagement().lastViewedAt(), link.engagement().attempts(), link.createdAt(), link.updatedAt());
    }
}

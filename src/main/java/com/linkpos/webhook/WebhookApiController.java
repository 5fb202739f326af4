package com.linkpos.webhook;

import com.linkpos.platform.Caller;
import com.linkpos.platform.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md, Webhooks: endpoints of the key's merchant; the secret only in the answer that makes it. */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@Tag(name = "Webhooks")
class WebhookApiController {

    private static final String ENDPOINT_ID = "The endpoint's id (`whe_…`).";

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Schema(name = "NewWebhookEndpoint")
    record EndpointRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", maxLength = 2048,
                    description = "Where the events are posted (API.md: https, not a loopback, link-local, private or "
                            + "metadata address).", example = "https://shop.example.com/linkpos/events") String url,
            @ArraySchema(arraySchema = @Schema(description = "The events wanted; left out or empty, all of them."),
                    schema = @Schema(allowableValues = {Webhooks.PAYMENT_SUCCEEDED, Webhooks.PAYMENT_FAILED,
                            Webhooks.LINK_USED, Webhooks.TRANSACTION_VOIDED, Webhooks.TRANSACTION_REFUNDED}))
            List<String> events) {
    }

    @Schema(name = "WebhookEndpoint", description = "Where a merchant's events go. Each delivery is signed with "
            + "`LinkPOS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + raw body)>`.")
    record EndpointResponse(@Schema(example = "whe_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                            @Schema(format = "uri") String url,
                            @ArraySchema(schema = @Schema(allowableValues = {Webhooks.PAYMENT_SUCCEEDED,
                                    Webhooks.PAYMENT_FAILED, Webhooks.LINK_USED, Webhooks.TRANSACTION_VOIDED,
                                    Webhooks.TRANSACTION_REFUNDED})) List<String> events,
                            Instant createdAt,
                            @Schema(nullable = true, description = "When the secret was last replaced.")
                            Instant secretRotatedAt) {

        static EndpointResponse of(WebhookEndpoint endpoint) {
            return new EndpointResponse(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.createdAt(),
                    endpoint.rotatedAt());
        }
    }

    @Schema(name = "CreatedWebhookEndpoint", description = "A new endpoint, with its secret: the only time it is shown.")
    record CreatedEndpoint(@Schema(example = "whe_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                           @Schema(format = "uri") String url,
                           @ArraySchema(schema = @Schema(allowableValues = {Webhooks.PAYMENT_SUCCEEDED,
                                   Webhooks.PAYMENT_FAILED, Webhooks.LINK_USED, Webhooks.TRANSACTION_VOIDED,
                                   Webhooks.TRANSACTION_REFUNDED})) List<String> events,
                           Instant createdAt,
                           @Schema(nullable = true) Instant secretRotatedAt,
                           @Schema(description = "The signing secret; keep it, it is not shown again.") String secret) {
    }

    @Schema(name = "WebhookEndpointList")
    record EndpointList(List<EndpointResponse> data) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWebhookEndpoint", summary = "Add a webhook endpoint",
            description = "Registers an address for the merchant's events; the answer carries the signing secret once.")
    @ProblemCodes(status = 422, value = "validation_failed")
    CreatedEndpoint create(Caller caller, @RequestBody EndpointRequest request) {
        Webhooks.WithSecret created = webhooks.create(caller.merchantId(), request.url(), request.events());
        EndpointResponse endpoint = EndpointResponse.of(created.endpoint());
        return new CreatedEndpoint(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.createdAt(),
                endpoint.secretRotatedAt(), created.secret());
    }

    @GetMapping
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints",
            description = "The merchant's endpoints (without their secrets).")
    EndpointList list(Caller caller) {
        return new EndpointList(webhooks.endpoints(caller.merchantId()).stream().map(EndpointResponse::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint",
            description = "One endpoint of the merchant (without its secret).")
    EndpointResponse get(Caller caller, @Parameter(description = ENDPOINT_ID) @PathVariable String id) {
        return EndpointResponse.of(webhooks.get(caller.merchantId(), id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "No more events go to it.")
    void delete(Caller caller, @Parameter(description = ENDPOINT_ID) @PathVariable String id) {
        webhooks.delete(caller.merchantId(), id);
    }
}

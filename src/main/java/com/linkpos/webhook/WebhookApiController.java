package com.linkpos.webhook;

import com.linkpos.merchant.Caller;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
class WebhookApiController {

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record EndpointRequest(String url, List<String> events) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody EndpointRequest request) {
        Webhooks.WithSecret created = webhooks.create(caller.merchantId(), request.url(), request.events());
        Map<String, Object> json = json(created.endpoint());
        json.put("secret", created.secret());
        return json;
    }

    @GetMapping
    Map<String, Object> list(Caller caller) {
        return Map.of("data", webhooks.endpoints(caller.merchantId()).stream().map(WebhookApiController::json).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return json(webhooks.get(caller.merchantId(), id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        webhooks.delete(caller.merchantId(), id);
    }

    private static Map<String, Object> json(WebhookEndpoint endpoint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", endpoint.id());
        json.put("url", endpoint.url());
        json.put("events", endpoint.events());
        json.put("createdAt", endpoint.createdAt());
        Instant rotated = endpoint.rotatedAt();
        json.put("secretRotatedAt", rotated);
        return json;
    }
}

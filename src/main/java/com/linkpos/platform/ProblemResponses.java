package com.linkpos.platform;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to each API operation the problem answers it can give: those its kind of operation always can
 * (the filters' 401, 403, 429, 413 and Idempotency-Key's 409 and 422, Spring's 400 and 415), and those
 * the controller declares with {@link ProblemCodes}. Also gives every POST its Idempotency-Key header.
 */
final class ProblemResponses implements OperationCustomizer, OpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";
    static final String BANK_ADMIN_TAG = "Bank admin";
    private static final String PROBLEM = "Problem";

    private static final Map<Integer, String> MEANING = Map.of(
            400, "The request cannot be read: malformed JSON, a duplicate key, a wrong type or an unknown field, or a "
                    + "query parameter or header out of range. `errors` names each field.",
            401, "No API key, or not a valid one.",
            403, "This key may not do it: a merchant's key on the bank's operations, the bank's key on a merchant's.",
            404, "Not found among the objects of the key's merchant.",
            409, "Refused in the present state of the object or of the request.",
            413, "The body is larger than the API takes (64 KiB).",
            415, "The body's `Content-Type` is not one this operation reads.",
            422, "Understood, but refused by the rules; `errors` names every field at fault.",
            429, "Too many requests with this key; retry after `Retry-After` seconds.",
            502, "The bank did not answer, or answered what cannot be read; LinkPOS recorded nothing. "
                    + "Asked again, the bank tells what it did (a void it did already is then recorded).");

    /** Every code some operation answers: the description of Problem.code lists them. */
    private final Set<String> allCodes = new ConcurrentSkipListSet<>();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        boolean post = mapping != null && Arrays.asList(mapping.method()).contains(RequestMethod.POST);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        boolean query = parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
        boolean pathId = parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        boolean bank = operation.getTags() != null && operation.getTags().contains(BANK_ADMIN_TAG);

        Map<Integer, Set<String>> codes = new TreeMap<>();
        for (ProblemCodes declared : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                ProblemCodes.class)) {
            codes.computeIfAbsent(declared.status(), status -> new LinkedHashSet<>()).addAll(List.of(declared.value()));
        }
        if (body || query || post) {
            add(codes, 400, "validation_failed"); // a malformed Idempotency-Key too
        }
        add(codes, 401, "unauthorized");
        add(codes, 403, "forbidden");
        if (pathId) {
            add(codes, 404, "not_found");
        }
        if (post) {
            add(codes, 409, "idempotency_key_in_progress");
        }
        if (body || post) {
            add(codes, 413, "payload_too_large");
        }
        if (body) {
            add(codes, 415, "unsupported_media_type");
        }
        if (post) {
            add(codes, 422, "idempotency_key_reused");
        }
        if (!bank) {
            add(codes, 429, "rate_limited"); // the bank's own systems are not limited
        }
        codes.forEach((status, its) -> {
            allCodes.addAll(its);
            operation.getResponses().addApiResponse(String.valueOf(status), problem(status, its));
        });

        if (post) {
            operation.addParametersItem(new Parameter().$ref(OpenApiConfiguration.IDEMPOTENCY_KEY));
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject("Idempotent-Replayed", new Header()
                            .description("`true` when this is the kept answer of an earlier request with the same "
                                    + "Idempotency-Key.")
                            .schema(new StringSchema()._enum(List.of("true"))));
                }
            });
        }
        return operation;
    }

    private static void add(Map<Integer, Set<String>> codes, int status, String code) {
        codes.computeIfAbsent(status, any -> new LinkedHashSet<>()).add(code);
    }

    private static ApiResponse problem(int status, Set<String> codes) {
        String description = MEANING.getOrDefault(status, "Refused.")
                + (codes.contains("idempotency_key_in_progress") ? " `idempotency_key_in_progress`: the first request "
                + "with this Idempotency-Key is still running; retry after `Retry-After` seconds." : "")
                + " Codes: " + codes.stream().map(code -> "`" + code + "`").collect(Collectors.joining(", ")) + ".";
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(PROBLEM))));
        if (status == 429 || codes.contains("idempotency_key_in_progress")) {
            response.addHeaderObject("Retry-After", new Header()
                    .description(status == 429 ? "Seconds to wait." : "Seconds to wait (with `idempotency_key_in_progress`).")
                    .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)));
        }
        return response;
    }

    /** The Problem schema, read from {@link ProblemBody}; its code's description lists every code in use. */
    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        ModelConverters.getInstance(api.getSpecVersion() == SpecVersion.V31).readAll(ProblemBody.class)
                .forEach(components::addSchemas);
        Schema<?> code = (Schema<?>) components.getSchemas().get(PROBLEM).getProperties().get("code");
        code.description("The stable machine code. This API answers: "
                + allCodes.stream().map(each -> "`" + each + "`").collect(Collectors.joining(", ")) + ".");
    }
}

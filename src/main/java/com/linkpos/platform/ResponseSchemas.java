package com.linkpos.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * An answer always has every property of its schema: the API's answers are records that Jackson
 * writes whole, nulls included (which of them may be null, each says with {@code nullable}). So in a
 * schema that only answers use, every property is {@code required}, unless the schema lists its own
 * (the problem body leaves out what it does not know).
 */
final class ResponseSchemas implements OpenApiCustomizer {

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null || api.getPaths() == null) {
            return;
        }
        List<Operation> operations = api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream()).toList();
        Set<String> answers = reachable(schemas, operations.stream()
                .flatMap(operation -> operation.getResponses().values().stream())
                .flatMap(response -> schemasOf(response.getContent())));
        Set<String> requests = reachable(schemas, operations.stream()
                .filter(operation -> operation.getRequestBody() != null)
                .flatMap(operation -> schemasOf(operation.getRequestBody().getContent())));
        answers.removeAll(requests);
        for (String name : answers) {
            Schema<?> schema = schemas.get(name);
            if (schema.getProperties() != null && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static Stream<Schema> schemasOf(Content content) {
        return content == null ? Stream.empty()
                : content.values().stream().map(io.swagger.v3.oas.models.media.MediaType::getSchema).filter(Objects::nonNull);
    }

    /** The names of the component schemas these schemas refer to, directly or through others. */
    private static Set<String> reachable(Map<String, Schema> schemas, Stream<Schema> roots) {
        Set<String> names = new HashSet<>();
        Deque<Schema<?>> todo = new ArrayDeque<>();
        roots.forEach(todo::add);
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REF_PREFIX.length());
                if (names.add(name) && schemas.get(name) != null) {
                    todo.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::add);
            }
            if (schema.getItems() != null) {
                todo.add(schema.getItems());
            }
            Stream.of(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())
                    .filter(Objects::nonNull).flatMap(List::stream).forEach(todo::add);
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                todo.add(values);
            }
        }
        return names;
    }
}

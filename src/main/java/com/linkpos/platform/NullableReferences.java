package com.linkpos.platform;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * OpenAPI 3.0 ignores whatever stands beside a {@code $ref}, {@code nullable} included, and swagger-core
 * drops it: a property {@code @Schema(nullable = true)} of an object type is written as
 * {@code allOf: [$ref]} with {@code nullable: true} instead.
 */
final class NullableReferences implements PropertyCustomizer {

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        boolean nullable = type.getCtxAnnotations() != null && Arrays.stream(type.getCtxAnnotations())
                .anyMatch(annotation -> annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
                        && schema.nullable());
        if (!nullable || property.get$ref() == null) {
            return property;
        }
        Schema<Object> wrapper = new Schema<>();
        wrapper.setAllOf(List.of(new Schema<>().$ref(property.get$ref())));
        wrapper.setNullable(true);
        wrapper.setDescription(property.getDescription());
        return wrapper;
    }
}

package com.linkpos.platform;

import com.linkpos.shared.Money;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Money and codes are strings in the API: a JSON number where a string belongs is a wrong type,
 * not something to convert ("amount": 1250.5 would hide a float's rounding). A key given twice
 * ({"amount":"10","amount":"20"}) is refused: which one counts is up to each parser, so an
 * intermediary that checked the first could let the second through.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictText() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}

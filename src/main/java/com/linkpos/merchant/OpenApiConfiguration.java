package com.linkpos.merchant;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 description served at /v3/api-docs (Swagger UI at /swagger-ui.html); API.md is the contract. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // who is calling comes from the API key, not from the request's parameters
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI linkPosApi() {
        return new OpenAPI()
                .info(new Info().title("LinkPOS API").version("v1")
                        .description("Payment links, transactions, void and refund, webhooks and the bank's admin API. "
                                + "Authorization: Bearer <API key>. Errors are RFC 9457 problem bodies with a stable code. "
                                + "Every POST takes an Idempotency-Key header."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}

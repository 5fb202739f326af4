package com.linkpos.platform;

import com.linkpos.shared.Money;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description served at /v3/api-docs (Swagger UI at /swagger-ui.html), complete enough
 * for generated clients; API.md is the contract. The controllers describe their operations and
 * bodies; {@link ProblemResponses} adds what every operation of a kind shares (problem answers,
 * {@code Idempotency-Key}); {@link ResponseSchemas} says which properties an answer always has.
 *
 * <p>An example in {@code @Schema} is read as JSON first: {@code "1250.50"} would come out as
 * {@code "1250.5"}, {@code "100"} as a number. Hence amounts like {@code "1250.75"}, and no examples of
 * digits only in query parameters.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SECURITY_SCHEME = "bearerAuth";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";

    static {
        // who is calling comes from the API key, not from the request's parameters
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** The one server is LinkPOS's public address, never one made from the request's headers. */
    @Bean
    OpenAPI linkPosApi(PublicAddress address, HelpController.Support support) {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("LinkPOS API").version("v1")
                        .description("""
                                Payment links, transactions with void and refund, webhooks, and the bank's admin API.

                                * Authorization: `Bearer <API key>`. A merchant's key sees only its merchant; the bank's \
                                key reaches only the Bank admin operations.
                                * Money is a decimal string (`"1250.50"`) with a `currency`; times are ISO-8601 with an offset.
                                * Errors are RFC 9457 `application/problem+json` bodies with a stable `code` and, for \
                                invalid input, `errors` per field; messages follow `Accept-Language` (tr by default, en).
                                * Every POST takes an optional `Idempotency-Key`: the same key with the same request \
                                replays the first answer.
                                * Lists take `limit` and `cursor` and answer `{"data": [...], "nextCursor": ...}`.
                                * A property that may be null says `nullable`; in a merge patch, null removes a value.""")
                        .contact(new Contact().name("LinkPOS support").email(support.email()))
                        .license(new License().name("Proprietary")))
                .components(new Components()
                        .addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("API key")
                                .description("A merchant's API key (issued by the bank, or by a merchant admin in the "
                                        + "portal), or the bank's key for the Bank admin operations."))
                        .addParameters(IDEMPOTENCY_KEY, new HeaderParameter().name("Idempotency-Key").required(false)
                                .description("Makes a retry safe: the same key with the same request replays the first "
                                        + "answer (with `Idempotent-Replayed: true`); with another request it is 422 "
                                        + "`idempotency_key_reused`; while the first is still running, 409 "
                                        + "`idempotency_key_in_progress`. Keys are kept at least 24 hours.")
                                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")
                                        .example("order-1001-create"))))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME))
                .tags(List.of( // in alphabetical order, as Spectral's full rule set likes them
                        new Tag().name("Audit log").description("[S2] Who changed what, when and from where: read by a "
                                + "merchant's key (its own events) and the bank's (everyone's); nothing can change them."),
                        new Tag().name(ProblemResponses.BANK_ADMIN_TAG).description("The bank's operations: onboarding "
                                + "merchants, issuing their API keys, the end of day. Only the bank's API key may call them "
                                + "(403 otherwise)."),
                        new Tag().name("Links").description("Payment links: make them, send them, change and delete them."),
                        new Tag().name("Transactions").description("Sales, voids and refunds: search, export, void a sale "
                                + "of the open batch, refund one after the end of day."),
                        new Tag().name("Webhooks").description("Endpoints that receive signed events about payments "
                                + "and reversals.")));
        // read when the description is served: by then the server knows its port
        return api.servers(List.of(new LazyServer(address).description("LinkPOS")));
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    NullableReferences nullableReferences() {
        return new NullableReferences();
    }

    @Bean
    ResponseSchemas responseSchemas() {
        return new ResponseSchemas();
    }

    /** A server whose URL is LinkPOS's public address when asked, not when the bean was made (before the port). */
    static final class LazyServer extends Server {
        private final transient PublicAddress address;

        LazyServer(PublicAddress address) {
            this.address = address;
        }

        @Override
        public String getUrl() {
            return address.base();
        }
    }
}

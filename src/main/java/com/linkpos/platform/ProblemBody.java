package com.linkpos.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * The description of the problem body that {@link com.linkpos.shared.Problems#body} writes (as a map,
 * for the filters that answer before Spring MVC): only the OpenAPI description uses this record.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem: why the request was refused.")
record ProblemBody(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Always `about:blank`: `code` says what happened.",
                example = "about:blank") String type,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "A short summary in the language of `Accept-Language`.",
                example = "Geçersiz istek") String title,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The HTTP status.", example = "422") int status,
        @Schema(description = "What went wrong, in the language of `Accept-Language`; with `errors`, the first one's message.")
        String detail,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The stable machine code.", example = "validation_failed")
        String code,
        @Schema(description = "The path of the request.", example = "/api/v1/links") String instance,
        @Schema(description = "Present for invalid input: each field at fault.") List<FieldError> errors) {

    @Schema(name = "FieldError", description = "One reason one field was refused.")
    record FieldError(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The field, as a JSON path for nested fields "
                    + "(`notify.sms`), `body` for the body as a whole, or the query parameter or header.",
                    example = "amount") String field,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "A stable machine code for this field's problem.",
                    example = "invalid_amount") String code,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The reason, in the language of `Accept-Language`.")
            String message) {
    }
}

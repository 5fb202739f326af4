package com.linkpos.fraud;

import com.linkpos.platform.ProblemCodes;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** [S4] The bank's own fraud rules, applied to every merchant's payments (API.md, Bank (admin) API). Bank key only. */
@RestController
@RequestMapping("/api/v1/admin/fraud-rules")
@Tag(name = "Bank admin")
class FraudRulesApiController {

    private static final String BANK_KEY_ONLY = " Needs the bank's API key.";

    private final FraudRuleBook book;

    FraudRulesApiController(FraudRuleBook book) {
        this.book = book;
    }

    @GetMapping
    @Operation(operationId = "getBankFraudRules", summary = "Get the bank-wide fraud rules",
            description = "The fraud rules every merchant's payments are screened by, besides the merchant's own." + BANK_KEY_ONLY)
    FraudRules get() {
        return book.bankWide();
    }

    /** Read as JSON of any shape, so that every bad member is named (a typed body would stop at the first). */
    @PutMapping
    @Operation(operationId = "replaceBankFraudRules", summary = "Replace the bank-wide fraud rules",
            description = "Replaces the bank-wide fraud rules: a member left out is cleared (no list, no limit). A bad "
                    + "entry is named (`blockedBins.0`) and nothing changes." + BANK_KEY_ONLY,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = FraudRules.class))))
    @ProblemCodes(status = 422, value = "validation_failed")
    FraudRules replace(@RequestBody JsonNode body) {
        List<FieldProblem> errors = new ArrayList<>();
        FraudRules rules = FraudRules.read(body, FraudRules.NONE, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return book.replaceBankWide(rules);
    }
}

package com.linkpos.merchant;

import com.linkpos.fraud.FraudRuleBook;
import com.linkpos.fraud.FraudRules;
import com.linkpos.platform.Role;
import com.linkpos.merchant.Merchants.MerchantTerms;
import com.linkpos.shared.FieldProblem;
import com.linkpos.platform.ProblemCodes;
import com.linkpos.pricing.PricingTable;
import com.linkpos.pricing.PricingTerms;
import com.linkpos.pricing.TermsInput;
import com.linkpos.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The bank's API for onboarding merchants (API.md, Bank (admin) API). Bank key only. */
@RestController
@RequestMapping("/api/v1/admin/merchants")
@Tag(name = "Bank admin")
class AdminMerchantController {

    /** RFC 7396's media type: PATCH takes it, and plain JSON. */
    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String MERCHANT_ID = "The merchant's id (`mer_…`).";
    static final String BANK_KEY_ONLY = " Needs the bank's API key.";

    private final Merchants merchants;
    private final ApiKeys apiKeys;
    private final MerchantTerminals terminals;
    private final PricingTable pricing;

    AdminMerchantController(Merchants merchants, ApiKeys apiKeys, MerchantTerminals terminals, PricingTable pricing,
                            TwoFactor twoFactor, FraudRuleBook fraudRules,
                            MerchantAudit audit) {
        this.twoFactor = twoFactor;
        this.audit = audit;
        this.fraudRules = fraudRules;
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.terminals = terminals;
        this.pricing = pricing;
    }

    private final TwoFactor twoFactor;
    private final MerchantAudit audit;
    private final FraudRuleBook fraudRules;
    private static final String FRAUD_RULES = "[S4] Cards refused before 3-D Secure (`card_blocked`); the bank's own "
            + "rules (GET /api/v1/admin/fraud-rules) apply as well. A member left out keeps its value; null clears it.";
    private static final String REQUIRE_TWO_FACTOR = "[S1] Every portal user of the merchant logs in with a second "
            + "factor (TOTP); one without enrols at the next login. (`linkpos.security.require-two-factor` requires it of "
            + "every merchant.)";
    private static final String INSTALLMENT_RATES = "[T2] Vade farkı percent per installment count (1–12), e.g. "
            + "{\"2\": \"1.90\", \"3\": \"2.80\"}; a count left out takes the nearest smaller one's. Replaces the map.";
    private static final String COMMISSION_RATES = "[T3] Commission percent per installment count (1–12), and "
            + "\"foreign\" for cards issued abroad, e.g. {\"1\": \"1.79\", \"3\": \"2.99\"}. Replaces the map.";
    private static final String VALUE_DAYS = "[T3] Value days (valör) per installment count (1–12), e.g. "
            + "{\"1\": 1, \"3\": 30}; none set: the next day. Replaces the map.";

    /**
     * [A1][A2] The gateway terminal of the merchant, as the bank sets it: a type and that gateway's
     * settings (API.md "Acquirers"). Secrets are write-only: sent here, never answered.
     */
    @Schema(name = "AcquirerSettings", description = "The merchant's bank gateway. PAYFOR needs gatewayUrl, mbrId, "
            + "merchantId, userCode, userPass and merchantPass; EST needs gatewayUrl, clientId, username, password and "
            + "storeKey. A setting left out keeps its stored value while the type stays; a new type needs all of its own. "
            + "A preset (a bank of the gateway: GET /api/v1/admin/gateways) fills in the addresses and installment "
            + "programs it knows.")
    record AcquirerRequest(
            @Schema(allowableValues = {"PAYFOR", "EST"}, example = "PAYFOR") String type,
            @Schema(description = "A bank of the gateway whose addresses and programs fill in what is not sent "
                    + "(PAYFOR: QNB, QNB_TEST, SIMULATOR; EST: ISBANK, HALKBANK, TEB, SEKERBANK, ZIRAAT, QNB_EST, AKBANK, "
                    + "ASSECO_TEST, SIMULATOR).", example = "ISBANK") String preset,
            @Schema(format = "uri", example = "https://vpostest.qnbfinansbank.com") String gatewayUrl,
            @Schema(description = "PayFor: the institution code (MbrId).", example = "5") String mbrId,
            @Schema(description = "PayFor: the merchant number (MerchantID).", example = "085300000009704") String merchantId,
            @Schema(description = "PayFor: the API user.", example = "QNB_API_KULLANICI_3DPAY") String userCode,
            @Schema(description = "PayFor: the API password.", format = "password", writeOnly = true) String userPass,
            @Schema(description = "PayFor: the 3-D key.", format = "password", writeOnly = true) String merchantPass,
            @Schema(description = "PayFor: the 3-D form goes from LinkPOS's server (QNB's IP rule M047).")
            Boolean threeDFromServer,
            @Schema(description = "LinkPOS's end of day closes the terminal's batch (the simulator; a real bank "
                    + "closes its own).") Boolean batchClose,
            @Schema(description = "Issuer programs whose credit cards may pay in installments, comma-separated.",
                    example = "QNB Finansbank, Enpara.com, HSBC Advantage") String installmentPrograms,
            @Schema(description = "EST: the client id.", example = "190100000") String clientId,
            @Schema(description = "EST: the API user.", example = "ZIRAATAPI") String username,
            @Schema(description = "EST: the API password.", format = "password", writeOnly = true) String password,
            @Schema(description = "EST: the store key.", format = "password", writeOnly = true) String storeKey,
            @Schema(description = "EST: the bank's 3-D gate when it is not {gatewayUrl}/fim/est3Dgate.", format = "uri")
            String threeDGateUrl,
            @Schema(description = "EST: where LinkPOS's end of day is announced (the simulator's); a real EST bank "
                    + "closes its own day.", format = "uri") String dayEndUrl) {

        /** The settings sent (those left out are absent). */
        Map<String, String> given() {
            Map<String, String> given = new LinkedHashMap<>();
            String[][] fields = {{"type", type}, {"preset", preset}, {"gatewayUrl", gatewayUrl}, {"mbrId", mbrId},
                    {"merchantId", merchantId},
                    {"userCode", userCode}, {"userPass", userPass}, {"merchantPass", merchantPass},
                    {"threeDFromServer", threeDFromServer == null ? null : threeDFromServer.toString()},
                    {"batchClose", batchClose == null ? null : batchClose.toString()},
                    {"installmentPrograms", installmentPrograms}, {"clientId", clientId}, {"username", username},
                    {"password", password}, {"storeKey", storeKey}, {"threeDGateUrl", threeDGateUrl},
                    {"dayEndUrl", dayEndUrl}};
            for (String[] field : fields) {
                if (field[1] != null) {
                    given.put(field[0], field[1]);
                }
            }
            return given;
        }
    }

    /** The terminal as the bank may read it back: no secret. */
    @Schema(name = "Acquirer")
    record AcquirerView(@Schema(example = "PAYFOR") String type, String gatewayUrl,
                        @Schema(nullable = true) String mbrId, @Schema(nullable = true) String merchantId,
                        @Schema(nullable = true) String userCode, @Schema(nullable = true) Boolean threeDFromServer,
                        @Schema(nullable = true) Boolean batchClose, @Schema(nullable = true) String installmentPrograms,
                        @Schema(nullable = true) String clientId, @Schema(nullable = true) String username,
                        @Schema(nullable = true) String threeDGateUrl, @Schema(nullable = true) String dayEndUrl) {
        static AcquirerView of(Map<String, String> shown) {
            return new AcquirerView(shown.get("type"), shown.get("gatewayUrl"), shown.get("mbrId"), shown.get("merchantId"),
                    shown.get("userCode"), flag(shown.get("threeDFromServer")), flag(shown.get("batchClose")),
                    shown.get("installmentPrograms"), shown.get("clientId"), shown.get("username"),
                    shown.get("threeDGateUrl"), shown.get("dayEndUrl"));
        }

        private static Boolean flag(String value) {
            return value == null ? null : Boolean.valueOf(value);
        }
    }

    @Schema(name = "MerchantAdminUser", description = "The merchant's first portal user, a merchant admin.")
    record AdminUserRequest(@Schema(requiredMode = RequiredMode.REQUIRED, example = "demo-admin") String username,
                            @Schema(requiredMode = RequiredMode.REQUIRED, format = "password", minLength = Users.MIN_PASSWORD_LENGTH,
                                    maxLength = 128, description = "Not easy to guess: not the username, not a well-known "
                                    + "password.") String password) {
    }

    @Schema(name = "NewMerchant")
    record MerchantRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200, example = "Demo Toptancı A.Ş.") String name,
            @Schema(format = "email", description = "Where payment e-mails go.", example = "muhasebe@example.com") String email,
            @ArraySchema(arraySchema = @Schema(description = "Currencies besides TRY its links may use."),
                    schema = @Schema(allowableValues = {"USD", "EUR", "GBP", "JPY", "RUB"})) List<String> foreignCurrencies,
            @Schema(minimum = "1", maximum = "12", defaultValue = "1", description = "The most installments its links may offer.")
            Integer maxInstallments,
            @Schema(defaultValue = "true", description = "E-mail the merchant on each payment.") Boolean notifyOnPayment,
            @Schema(requiredMode = RequiredMode.REQUIRED) AdminUserRequest admin,
            @Schema(description = "The merchant's bank gateway; left out: the built-in bank simulator.")
            AcquirerRequest acquirer,
            @Schema(description = INSTALLMENT_RATES) Map<String, Object> installmentRates,
            @Schema(description = COMMISSION_RATES) Map<String, Object> commissionRates,
            @Schema(description = VALUE_DAYS) Map<String, Object> valueDays,
            @Schema(defaultValue = "false", description = REQUIRE_TWO_FACTOR) Boolean requireTwoFactor,
            @Schema(implementation = FraudRules.class, description = FRAUD_RULES) JsonNode fraudRules) {
    }

    /**
     * The description of PATCH's body; the server reads it as a {@link MerchantRequest}, ignoring {@code admin}.
     * Every member says nullable (null keeps the value, as leaving it out does): generated clients then send
     * only the members set, where they would otherwise send an empty list and wipe the currencies.
     */
    @Schema(name = "MerchantPatch", description = "The merchant's terms to change; a member left out, or null, keeps "
            + "its value.")
    record MerchantPatch(@Schema(nullable = true, maxLength = 200) String name,
                         @Schema(nullable = true, format = "email") String email,
                         @ArraySchema(arraySchema = @Schema(nullable = true, description = "Replaces the list."),
                                 schema = @Schema(allowableValues = {"USD", "EUR", "GBP", "JPY", "RUB"}))
                         List<String> foreignCurrencies,
                         @Schema(nullable = true, minimum = "1", maximum = "12") Integer maxInstallments,
                         @Schema(nullable = true) Boolean notifyOnPayment,
                         @Schema(nullable = true, description = "The gateway terminal to set up or change; secrets "
                                 + "left out keep their stored values.") AcquirerRequest acquirer,
                         @Schema(nullable = true, description = INSTALLMENT_RATES) Map<String, String> installmentRates,
                         @Schema(nullable = true, description = COMMISSION_RATES) Map<String, String> commissionRates,
                         @Schema(nullable = true, description = VALUE_DAYS) Map<String, Integer> valueDays,
                         @Schema(nullable = true, description = REQUIRE_TWO_FACTOR) Boolean requireTwoFactor,
                         @Schema(nullable = true, description = FRAUD_RULES) FraudRules fraudRules) {
    }

    @Schema(name = "Merchant")
    record MerchantResponse(@Schema(example = "mer_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                            @Schema(example = "Demo Toptancı A.Ş.") String name,
                            @Schema(nullable = true, format = "email") String email,
                            @ArraySchema(schema = @Schema(allowableValues = {"USD", "EUR", "GBP", "JPY", "RUB"}))
                            List<String> foreignCurrencies,
                            @Schema(minimum = "1", maximum = "12") int maxInstallments,
                            @Schema(description = "E-mail the merchant on each payment.") boolean notifyOnPayment,
                            @Schema(nullable = true, description = "The bank gateway set up for the merchant (its "
                                    + "secrets never shown); null: the built-in bank simulator.") AcquirerView acquirer,
                            @Schema(description = INSTALLMENT_RATES) Map<String, String> installmentRates,
                            @Schema(description = COMMISSION_RATES) Map<String, String> commissionRates,
                            @Schema(description = VALUE_DAYS) Map<String, Integer> valueDays,
                            @Schema(description = REQUIRE_TWO_FACTOR) boolean requireTwoFactor,
                            @Schema(description = "[S4] The merchant's own fraud rules (none set: empty lists, null "
                                    + "limits).") FraudRules fraudRules,
                            Instant createdAt, Instant updatedAt) {
    }

    private MerchantResponse response(Merchant merchant) {
        PricingTerms terms = pricing.of(merchant.id());
        Map<String, Integer> valueDays = new LinkedHashMap<>();
        terms.valueDays().forEach((count, days) -> valueDays.put(String.valueOf(count), days));
        return new MerchantResponse(merchant.id(), merchant.name(), merchant.email(),
                merchant.foreignCurrencies().stream().sorted().map(Enum::name).toList(),
                merchant.maxInstallments(), merchant.notifyOnPayment(),
                terminals.shown(merchant.id()).map(AcquirerView::of).orElse(null),
                PricingTable.written(terms.vadeFarki(), null), PricingTable.written(terms.commission(), terms.foreignCardCommission()),
                valueDays, twoFactor.required(merchant.id()), fraudRules.of(merchant.id()), merchant.createdAt(),
                merchant.updatedAt());
    }

    @Schema(name = "MerchantList")
    record MerchantList(List<MerchantResponse> data) {
    }

    @Schema(name = "IssuedApiKey")
    record IssuedKey(@Schema(description = "The new key, shown this once: `Authorization: Bearer <key>`.") String key) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(operationId = "createMerchant", summary = "Onboard a merchant",
            description = "Makes a merchant with its first merchant admin user." + BANK_KEY_ONLY)
    @ProblemCodes(status = 422, value = "validation_failed")
    MerchantResponse create(@RequestBody MerchantRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        MerchantTerms terms = MerchantTerms.validate(request.name(), request.email(), request.foreignCurrencies(),
                request.maxInstallments(), request.notifyOnPayment(), errors);
        PricingTerms rates = TermsInput.patched(PricingTerms.NONE, request.installmentRates(), request.commissionRates(),
                request.valueDays(), errors);
        FraudRules fraud = FraudRules.read(request.fraudRules(), FraudRules.NONE, "fraudRules.", errors);
        AdminUserRequest admin = request.admin();
        if (admin == null) {
            errors.add(FieldProblem.of("admin", "required"));
        } else {
            Users.validate(admin.username(), admin.password(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Merchant merchant = merchants.create(terms, admin.username(), admin.password());
        pricing.replace(merchant.id(), rates);
        if (request.acquirer() != null) {
            terminals.configure(merchant.id(), request.acquirer().given()); // in the same transaction: all or nothing
        }
        if (Boolean.TRUE.equals(request.requireTwoFactor())) {
            twoFactor.require(merchant.id(), true);
        }
        if (!fraud.equals(FraudRules.NONE)) {
            fraudRules.replace(merchant.id(), fraud);
        }
        audit.created(merchant.id());
        return response(merchant);
    }

    @GetMapping
    @Operation(operationId = "listMerchants", summary = "List merchants", description = "Every merchant." + BANK_KEY_ONLY)
    MerchantList list() {
        return new MerchantList(merchants.all().stream().map(this::response).toList());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMerchant", summary = "Get a merchant", description = "One merchant." + BANK_KEY_ONLY)
    MerchantResponse get(@Parameter(description = MERCHANT_ID) @PathVariable String id) {
        return response(merchants.get(id));
    }

    /**
     * Merge patch: fields left out keep their values. The JSON converter reads {@code application/*+json},
     * so merge-patch+json is read as plain JSON is.
     */
    @PatchMapping("/{id}")
    @Transactional
    @Operation(operationId = "updateMerchant", summary = "Change a merchant",
            description = "Changes the merchant's terms; the body is a merge patch (`application/merge-patch+json` or "
                    + "`application/json`)." + BANK_KEY_ONLY,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = MerchantPatch.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MerchantPatch.class))}))
    @ProblemCodes(status = 422, value = "validation_failed")
    MerchantResponse patch(@Parameter(description = MERCHANT_ID) @PathVariable String id, @RequestBody MerchantRequest request) {
        Merchant current = merchants.get(id);
        Map<String, String> before = audit.terms(id);
        List<FieldProblem> errors = new ArrayList<>();
        MerchantTerms terms = MerchantTerms.validate(
                request.name() != null ? request.name() : current.name(),
                request.email() != null ? request.email() : current.email(),
                request.foreignCurrencies() != null ? request.foreignCurrencies()
                        : current.foreignCurrencies().stream().map(Enum::name).toList(),
                request.maxInstallments() != null ? request.maxInstallments() : current.maxInstallments(),
                request.notifyOnPayment() != null ? request.notifyOnPayment() : current.notifyOnPayment(),
                errors);
        // saved now, effective for the next sale; sales made keep what the terms of their moment made of them
        PricingTerms rates = TermsInput.patched(pricing.of(id), request.installmentRates(), request.commissionRates(),
                request.valueDays(), errors);
        FraudRules fraud = FraudRules.read(request.fraudRules(), fraudRules.of(id), "fraudRules.", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (request.acquirer() != null) {
            terminals.configure(id, request.acquirer().given());
        }
        if (request.fraudRules() != null) {
            fraudRules.replace(id, fraud);
        }
        pricing.replace(id, rates);
        if (request.requireTwoFactor() != null) {
            twoFactor.require(id, request.requireTwoFactor());
        }
        Merchant updated = merchants.update(id, terms);
        audit.updated(id, before);
        return response(updated);
    }

    @PostMapping("/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "issueMerchantApiKey", summary = "Issue an API key",
            description = "A new API key of the merchant (stored hashed: shown only in this answer)." + BANK_KEY_ONLY)
    IssuedKey issueKey(@Parameter(description = MERCHANT_ID) @PathVariable String id) {
        Merchant merchant = merchants.get(id);
        return new IssuedKey(apiKeys.issue(merchant.id(), Role.MERCHANT_ADMIN, "bank-issued"));
    }
}

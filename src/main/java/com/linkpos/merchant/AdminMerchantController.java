package com.linkpos.merchant;

import com.linkpos.merchant.Merchants.MerchantTerms;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The bank's API for onboarding merchants (API.md, Bank (admin) API). Bank key only. */
@RestController
@RequestMapping("/api/v1/admin/merchants")
class AdminMerchantController {

    private final Merchants merchants;
    private final ApiKeys apiKeys;

    AdminMerchantController(Merchants merchants, ApiKeys apiKeys) {
        this.merchants = merchants;
        this.apiKeys = apiKeys;
    }

    record AdminUserRequest(String username, String password) {
    }

    record MerchantRequest(String name, String email, List<String> foreignCurrencies, Integer maxInstallments,
                           Boolean notifyOnPayment, AdminUserRequest admin) {
    }

    record MerchantResponse(String id, String name, String email, List<String> foreignCurrencies,
                            int maxInstallments, boolean notifyOnPayment, Instant createdAt, Instant updatedAt) {
        static MerchantResponse of(Merchant merchant) {
            return new MerchantResponse(merchant.id(), merchant.name(), merchant.email(),
                    merchant.foreignCurrencies().stream().sorted().map(Enum::name).toList(),
                    merchant.maxInstallments(), merchant.notifyOnPayment(), merchant.createdAt(), merchant.updatedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MerchantResponse create(@RequestBody MerchantRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        MerchantTerms terms = MerchantTerms.validate(request.name(), request.email(), request.foreignCurrencies(),
                request.maxInstallments(), request.notifyOnPayment(), errors);
        AdminUserRequest admin = request.admin();
        if (admin == null) {
            errors.add(FieldProblem.of("admin", "required"));
        } else {
            Users.validate(admin.username(), admin.password(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return MerchantResponse.of(merchants.create(terms, admin.username(), admin.password()));
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of("data", merchants.all().stream().map(MerchantResponse::of).toList());
    }

    @GetMapping("/{id}")
    MerchantResponse get(@PathVariable String id) {
        return MerchantResponse.of(merchants.get(id));
    }

    /** Merge patch: fields left out keep their values. */
    @PatchMapping("/{id}")
    MerchantResponse patch(@PathVariable String id, @RequestBody MerchantRequest request) {
        Merchant current = merchants.get(id);
        List<FieldProblem> errors = new ArrayList<>();
        MerchantTerms terms = MerchantTerms.validate(
                request.name() != null ? request.name() : current.name(),
                request.email() != null ? request.email() : current.email(),
                request.foreignCurrencies() != null ? request.foreignCurrencies()
                        : current.foreignCurrencies().stream().map(Enum::name).toList(),
                request.maxInstallments() != null ? request.maxInstallments() : current.maxInstallments(),
                request.notifyOnPayment() != null ? request.notifyOnPayment() : current.notifyOnPayment(),
                errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return MerchantResponse.of(merchants.update(id, terms));
    }

    @PostMapping("/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> issueKey(@PathVariable String id) {
        Merchant merchant = merchants.get(id);
        return Map.of("key", apiKeys.issue(merchant.id(), Role.MERCHANT_ADMIN, "bank-issued"));
    }
}

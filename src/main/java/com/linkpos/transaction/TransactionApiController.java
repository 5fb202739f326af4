package com.linkpos.transaction;

import com.linkpos.merchant.Caller;
import com.linkpos.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One transaction, its void and its refunds (API.md, Transactions). The search lives in reporting. */
@RestController
@RequestMapping("/api/v1/transactions")
class TransactionApiController {

    private final Ledger ledger;
    private final Reversals reversals;

    TransactionApiController(Ledger ledger, Reversals reversals) {
        this.ledger = ledger;
        this.reversals = reversals;
    }

    record RefundRequest(String amount) {
    }

    @GetMapping("/{id}")
    TransactionJson get(Caller caller, @PathVariable String id) {
        return TransactionJson.of(ledger.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound));
    }

    @PostMapping("/{id}/void")
    @ResponseStatus(HttpStatus.CREATED)
    TransactionJson voidSale(Caller caller, @PathVariable String id) {
        requireAdmin(caller);
        return TransactionJson.of(reversals.voidSale(caller.merchantId(), id));
    }

    @PostMapping("/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    TransactionJson refund(Caller caller, @PathVariable String id, @RequestBody(required = false) RefundRequest request) {
        requireAdmin(caller);
        return TransactionJson.of(reversals.refund(caller.merchantId(), id, request == null ? null : request.amount()));
    }

    /** Void and refund move money back: MERCHANT_ADMIN (and the merchant's API keys) only. */
    static void requireAdmin(Caller caller) {
        if (!caller.isMerchantAdmin()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", java.util.List.of());
        }
    }
}

package com.linkpos.transaction;

import com.linkpos.platform.Caller;
import com.linkpos.platform.ProblemCodes;
import com.linkpos.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Transactions")
class TransactionApiController {

    private static final String SALE_ID = "The sale's id (`txn_…`).";

    private final Ledger ledger;
    private final Reversals reversals;
    private final ReceiptPdf receipts;
    private final com.linkpos.merchant.Merchants merchants;

    TransactionApiController(Ledger ledger, Reversals reversals, ReceiptPdf receipts, com.linkpos.merchant.Merchants merchants) {
        this.ledger = ledger;
        this.reversals = reversals;
        this.receipts = receipts;
        this.merchants = merchants;
    }

    @GetMapping(value = "/{id}/receipt.pdf", produces = org.springframework.http.MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "getReceiptPdf", summary = "A sale's receipt as PDF", description = "[X7] The receipt of an "
            + "approved sale: merchant, amount, installments, masked card, authorization code, date, order number; in "
            + "the language of `Accept-Language` (Turkish by default). Other transactions have none (404).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The PDF.", content =
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary")))
    org.springframework.http.ResponseEntity<byte[]> receipt(Caller caller,
                                                          @Parameter(description = SALE_ID) @PathVariable String id,
                                                          jakarta.servlet.http.HttpServletRequest request) {
        Transaction sale = ledger.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound);
        return receipts.answer(sale, merchants.get(caller.merchantId()).name(),
                com.linkpos.platform.Languages.fromAcceptLanguage(request)).orElseThrow(ProblemException::notFound);
    }

    @Schema(name = "RefundRequest", description = "How much to give back; left out, the rest of the sale.")
    record RefundRequest(@Schema(description = "A decimal string, at most what the sale has left to refund.",
            example = "100.25") String amount) {
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTransaction", summary = "Get a transaction", description = "One transaction of the merchant.")
    TransactionJson get(Caller caller, @Parameter(description = "The transaction's id (`txn_…`).") @PathVariable String id) {
        return TransactionJson.of(ledger.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound));
    }

    @PostMapping("/{id}/void")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "voidTransaction", summary = "Void a sale",
            description = "Cancels a sale of the open batch in full, before the end of day; answers the VOID transaction "
                    + "(approved or declined by the bank). After the end of day, refund it instead.")
    @ProblemCodes(status = 409, value = {"batch_closed_use_refund", "transaction_not_refundable", "already_voided"})
    @ProblemCodes(status = 502, value = "gateway_unavailable")
    TransactionJson voidSale(Caller caller, @Parameter(description = SALE_ID) @PathVariable String id) {
        requireAdmin(caller);
        return TransactionJson.of(reversals.voidSale(caller.merchantId(), id));
    }

    @PostMapping("/{id}/refunds")
    @Operation(operationId = "refundTransaction", summary = "Refund a sale",
            description = "Gives back part or all of a sale after its end of day; answers 201 with the REFUND transaction "
                    + "(approved or declined by the bank). Before the end of day, void it instead. [S3] Above the "
                    + "merchant's four-eyes amount (`GET /api/v1/settings/refund-approval`) nothing goes to the bank: "
                    + "202 with the PENDING refund request, which a second merchant admin approves in the portal. What "
                    + "pending requests hold of the sale cannot be refunded meanwhile.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The REFUND transaction.",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = TransactionJson.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "[S3] Above the four-eyes "
            + "amount: the refund request, waiting for a second admin.",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = RefundRequestJson.class)))
    @ProblemCodes(status = 409, value = {"batch_open_use_void", "transaction_not_refundable", "already_voided",
            "refund_made_before"})
    @ProblemCodes(status = 422, value = {"refund_exceeds_sale", "amount_too_large", "validation_failed"})
    @ProblemCodes(status = 502, value = "gateway_unavailable")
    org.springframework.http.ResponseEntity<Object> refund(Caller caller, @Parameter(description = SALE_ID) @PathVariable String id,
                                                           @RequestBody(required = false) RefundRequest request) {
        requireAdmin(caller);
        RefundOutcome outcome = reversals.refund(caller, id, request == null ? null : request.amount());
        return outcome.waiting()
                ? org.springframework.http.ResponseEntity.status(HttpStatus.ACCEPTED).body(RefundRequestJson.of(outcome.request()))
                : org.springframework.http.ResponseEntity.status(HttpStatus.CREATED).body(TransactionJson.of(outcome.refund()));
    }

    @Schema(name = "CaptureRequest", description = "How much of the hold to capture; left out, all of it.")
    record CaptureRequest(@Schema(description = "A decimal string, at most the held amount.", example = "2750.00")
                          String amount) {
    }

    @PostMapping("/{id}/capture")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "captureTransaction", summary = "Capture a pre-authorization",
            description = "[X6] Captures (PostAuth) part or all of an approved PRE_AUTH, once; answers the CAPTURE "
                    + "transaction (the money: voided or refunded as a sale is). What is not captured is released. "
                    + "Voiding the PRE_AUTH instead releases all of it.")
    @ProblemCodes(status = 409, value = {"transaction_not_capturable", "already_captured", "already_voided"})
    @ProblemCodes(status = 422, value = {"capture_exceeds_authorization", "validation_failed"})
    @ProblemCodes(status = 502, value = "gateway_unavailable")
    TransactionJson capture(Caller caller, @Parameter(description = "The PRE_AUTH transaction's id (`txn_…`).")
                            @PathVariable String id, @RequestBody(required = false) CaptureRequest request) {
        requireAdmin(caller);
        return TransactionJson.of(reversals.capture(caller.merchantId(), id, request == null ? null : request.amount()));
    }

    /** Void, refund and capture move money: MERCHANT_ADMIN (and the merchant's API keys) only. */
    static void requireAdmin(Caller caller) {
        if (!caller.isMerchantAdmin()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", java.util.List.of());
        }
    }
}

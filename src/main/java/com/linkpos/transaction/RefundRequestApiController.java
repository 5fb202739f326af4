package com.linkpos.transaction;

import com.linkpos.platform.Caller;
import com.linkpos.platform.ProblemCodes;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ListPages;
import com.linkpos.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** [S3] Refund requests and the four-eyes amount (API.md, Transactions). */
@RestController
@Tag(name = "Transactions")
class RefundRequestApiController {

    private static final String REQUEST_ID = "The refund request's id (`rfq_…`).";
    private static final Pattern ID = Pattern.compile("rfq_[0-9A-Za-z]{1,64}");

    private final RefundRequests requests;
    private final RefundApproval approval;
    private final Reversals reversals;

    RefundRequestApiController(RefundRequests requests, RefundApproval approval, Reversals reversals) {
        this.requests = requests;
        this.approval = approval;
        this.reversals = reversals;
    }

    @Schema(name = "RefundApprovalRequestList", description = "A page of refund requests, newest first.")
    record RequestList(List<RefundRequestJson> data,
                       @Schema(nullable = true, description = "The `cursor` of the next page; null on the last page.")
                       String nextCursor) {
    }

    @Schema(name = "RefundApprovalSetting", description = "[S3] The four-eyes amount: a refund above it waits for a "
            + "second merchant admin's approval.")
    record Setting(@Schema(nullable = true, example = "1000.00", description = "A decimal string of the merchant's "
            + "currency (TRY); null: no four eyes. A refund in a foreign currency always waits while it is set.")
                   String above,
                   @Schema(implementation = com.linkpos.shared.Currency.class, accessMode = Schema.AccessMode.READ_ONLY)
                   String currency) {
    }

    @GetMapping("/api/v1/refund-requests")
    @Operation(operationId = "listRefundRequests", summary = "List refund requests",
            description = "[S3] The merchant's refund requests, newest first, a page at a time; a PENDING request "
                    + "past its `expiresAt` is EXPIRED.")
    @ProblemCodes(status = 400, value = "validation_failed")
    RequestList list(Caller caller,
                     @Parameter(description = "Only requests in this status.",
                             schema = @Schema(implementation = RefundRequestStatus.class))
                     @RequestParam(required = false) String status,
                     @Parameter(description = "Requests per page.", schema = @Schema(type = "integer", format = "int32",
                             minimum = "1", maximum = "" + ListPages.MAX_LIMIT, defaultValue = "" + ListPages.DEFAULT_LIMIT))
                     @RequestParam(required = false) String limit,
                     @Parameter(description = "The `nextCursor` of the page before.")
                     @RequestParam(required = false) String cursor) {
        List<FieldProblem> errors = new ArrayList<>();
        RefundRequestStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = RefundRequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(FieldProblem.withMessage("status", "invalid_status", "error.invalid_refund_request_status"));
            }
        }
        int size = ListPages.limit(limit, errors);
        String afterId = ListPages.after(cursor, ID, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        List<RefundRequest> page = requests.page(caller.merchantId(), wanted, afterId, size + 1);
        boolean more = page.size() > size;
        List<RefundRequest> shown = more ? page.subList(0, size) : page;
        return new RequestList(shown.stream().map(RefundRequestJson::of).toList(),
                more ? ListPages.cursor(shown.get(shown.size() - 1).id()) : null);
    }

    @GetMapping("/api/v1/refund-requests/{id}")
    @Operation(operationId = "getRefundRequest", summary = "Get a refund request",
            description = "[S3] One refund request of the merchant.")
    RefundRequestJson get(Caller caller, @Parameter(description = REQUEST_ID) @PathVariable String id) {
        return RefundRequestJson.of(requests.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound));
    }

    @PostMapping("/api/v1/refund-requests/{id}/cancel")
    @Operation(operationId = "cancelRefundRequest", summary = "Cancel a refund request",
            description = "[S3] Cancels a PENDING request (its requester, or any merchant admin): nothing is refunded "
                    + "and its amount no longer holds the sale's rest.")
    @ProblemCodes(status = 409, value = "refund_request_not_pending")
    RefundRequestJson cancel(Caller caller, @Parameter(description = REQUEST_ID) @PathVariable String id) {
        return RefundRequestJson.of(requests.cancel(caller, id));
    }

    @PostMapping("/api/v1/refund-requests/{id}/approve")
    @Operation(operationId = "approveRefundRequest", summary = "Approve a refund request",
            description = "[S3] Approval needs a second person: a merchant admin other than the requester, signed in "
                    + "to the portal. An API key is not a person, so it cannot approve: 403 `forbidden`. (The request "
                    + "is found first: another merchant's is 404.)")
    @ProblemCodes(status = 403, value = {"forbidden", "own_refund_request"})
    @ProblemCodes(status = 409, value = "refund_request_not_pending")
    RefundRequestJson approve(Caller caller, @Parameter(description = REQUEST_ID) @PathVariable String id) {
        return RefundRequestJson.of(reversals.approveRefund(caller, id).request());
    }

    @GetMapping("/api/v1/settings/refund-approval")
    @Operation(operationId = "getRefundApproval", summary = "The four-eyes amount",
            description = "[S3] The amount above which a refund waits for a second admin's approval (null: never).")
    Setting setting(Caller caller) {
        return setting(approval.above(caller.merchantId()).orElse(null));
    }

    @PutMapping("/api/v1/settings/refund-approval")
    @Operation(operationId = "setRefundApproval", summary = "Set the four-eyes amount",
            description = "[S3] A merchant admin's key only. `above`: a positive decimal string of TRY, or null to "
                    + "turn four eyes off. Audited as a change of the merchant. Requests already made keep waiting.")
    @ProblemCodes(status = 403, value = "forbidden")
    @ProblemCodes(status = 422, value = {"validation_failed", "amount_too_large"})
    Setting setSetting(Caller caller, @RequestBody Setting setting) {
        TransactionApiController.requireAdmin(caller);
        return setting(approval.set(caller.merchantId(), setting.above(), "above").orElse(null));
    }

    private static Setting setting(com.linkpos.shared.Money above) {
        return new Setting(above == null ? null : above.toDecimalString(), RefundApproval.CURRENCY.name());
    }
}

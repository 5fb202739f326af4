package com.linkpos.transaction;

import com.linkpos.pricing.Settlement;
import com.linkpos.shared.Currency;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The transaction object of API.md. */
@Schema(name = "Transaction", description = "A sale, or the void or refund of one.")
public record TransactionJson(@Schema(example = "txn_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                              @Schema(implementation = TransactionType.class) String type,
                              @Schema(implementation = TransactionStatus.class) String status,
                              @Schema(nullable = true, description = "The link paid.") String linkId,
                              @Schema(nullable = true, example = "SIP-1001") String orderNumber,
                              @Schema(description = "What was charged (or given back), a decimal string.",
                                      example = "1250.75") String amount,
                              @Schema(implementation = Currency.class) String currency,
                              @Schema(minimum = "1", maximum = "12") int installments,
                              @Schema(nullable = true) Card card,
                              @Schema(nullable = true, description = "The bank's authorization code.") String authCode,
                              @Schema(nullable = true, description = "The bank's reference of the transaction.")
                              String hostReference,
                              @Schema(nullable = true, description = "The bank's answer: `00` approved, two digits "
                                      + "(ISO style) for a decline.", example = "00") String responseCode,
                              @Schema(nullable = true) String responseMessage,
                              @Schema(nullable = true) ThreeDSecure threeDSecure,
                              @Schema(nullable = true) String payerNote,
                              @Schema(nullable = true, description = "The end-of-day batch of an approved transaction.")
                              Integer batchNumber,
                              @Schema(description = "After the end of day a sale is refunded, before it voided.")
                              boolean batchClosed,
                              @Schema(description = "Of a sale: what approved refunds gave back.", example = "100.25")
                              String refundedAmount,
                              boolean voided,
                              @Schema(nullable = true, description = "Of a void or refund: the sale's id.")
                              String originalTransactionId,
                              Instant createdAt,
                              @Schema(description = "[T2] The link's amount within `amount` (of a refund: the part of "
                                      + "it given back).", example = "1250.75") String baseAmount,
                              @Schema(description = "[T2] The vade farkı the payer paid within `amount` (of a refund: "
                                      + "the part of it given back); \"0.00\" when the merchant bears it.", example = "0.00")
                              String installmentCost,
                              @Schema(nullable = true, description = "[T3] Of an approved sale or refund: what it means "
                                      + "for the merchant's account.") SettlementJson settlement,
                              @Schema(nullable = true, description = "[X6] Of a PRE_AUTH: what its capture took (\"0.00\" "
                                      + "while it is open); null for other types.", example = "0.00") String capturedAmount) {

    @Schema(name = "TransactionSettlement", description = "Commission = rate × amount, BSMV = 5 % of the rounded "
            + "commission, each rounded half up to minor units; net = amount − commission − BSMV, credited on the value "
            + "date (the sale's Istanbul date + the value days of its installment count). A refund: no commission, its "
            + "net taken back on its own Istanbul date.")
    public record SettlementJson(@Schema(example = "22.39") String commission,
                                 @Schema(example = "1.12") String commissionTax,
                                 @Schema(example = "1227.24") String net,
                                 @Schema(example = "2026-12-02") java.time.LocalDate valueDate) {

        static SettlementJson of(Settlement settlement) {
            return settlement == null ? null : new SettlementJson(settlement.commission().toDecimalString(),
                    settlement.commissionTax().toDecimalString(), settlement.net().toDecimalString(), settlement.valueDate());
        }
    }

    @Schema(name = "TransactionCard", description = "What a receipt may show of the card.")
    public record Card(@Schema(example = "415565******6111") String masked,
                       @Schema(example = "415565") String bin,
                       @Schema(example = "6111") String last4,
                       @Schema(nullable = true, allowableValues = {"VISA", "MASTERCARD", "TROY"}) String brand,
                       @Schema(nullable = true, example = "QNB Finansbank") String issuer,
                       @Schema(nullable = true, allowableValues = {"CREDIT", "DEBIT"}) String type) {
    }

    @Schema(name = "ThreeDSecure", description = "The issuer's 3-D Secure result.")
    public record ThreeDSecure(@Schema(example = "1") String mdStatus,
                               @Schema(nullable = true, example = "05") String eci) {
    }

    public static TransactionJson of(Transaction t) {
        Transaction.Card card = t.card();
        return new TransactionJson(t.id(), t.type().name(), t.status().name(), t.linkId(), t.orderNumber(),
                t.amount().toDecimalString(), t.amount().currency().name(), t.installments(),
                card == null ? null : new Card(card.masked(), card.bin(), card.last4(), card.brand(), card.issuer(), card.type()),
                t.authCode(), t.hostReference(), t.responseCode(), t.responseMessage(),
                t.mdStatus() == null ? null : new ThreeDSecure(t.mdStatus(), t.eci()), t.payerNote(), t.batchNumber(),
                t.batchClosed(), t.refunded().toDecimalString(), t.voided(), t.originalTransactionId(), t.createdAt(),
                t.baseAmount().toDecimalString(), t.installmentCost().toDecimalString(), SettlementJson.of(t.settlement()),
                t.type() == TransactionType.PRE_AUTH ? t.captured().toDecimalString() : null);
    }
}

package com.linkpos.banksimulator;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated PayFor API (docs/VPOS.md A4 (4)-(5), A5), the same on XMLGate.aspx and Default.aspx:
 * the provision after 3DModel, void, refund, order inquiry, transaction history and batch close, with
 * the refusals a real gateway gives. Every request names its terminal by UserCode and UserPass (and
 * MerchantId and MbrId where it sends them).
 */
@Component
class PayForApi {

    private static final DateTimeFormatter INSERT_DATETIME = PayForCallback.TRANSACTION_DATE;
    private static final DateTimeFormatter HISTORY_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter SETTLEMENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessTime.ZONE);

    private final PayForTerminals terminals;
    private final SimulatedIssuer issuer;
    private final SimulatorBooks books;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** The bank's think time for each API call (linkpos.simulator.delay): a real one takes a few hundred milliseconds. */
    private final SimulatorSettings settings;

    PayForApi(PayForTerminals terminals, SimulatedIssuer issuer, SimulatorBooks books, TransactionTemplate transaction, Clock clock,
              SimulatorSettings settings) {
        this.settings = settings;
        this.terminals = terminals;
        this.issuer = issuer;
        this.books = books;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Answers one request, whatever it holds: a refusal names what was wrong, nothing throws. */
    PayForAnswer answer(Map<String, String> request, String address) {
        settings.think();
        if (request.isEmpty()) {
            return PayForAnswer.of(PayForCode.REQUEST_EMPTY, "");
        }
        for (Map.Entry<String, String> field : request.entrySet()) {
            if (field.getValue().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f) || field.getValue().length() > 1000) {
                return PayForAnswer.wrong(PayForCode.WRONG_VALUE, field.getKey(), "");
            }
        }
        String orderId = field(request, "OrderId");
        String userCode = field(request, "UserCode");
        String userPass = field(request, "UserPass");
        if (userCode.isEmpty()) {
            return PayForAnswer.of(PayForCode.USER_CODE_MISSING, orderId);
        }
        if (userPass.isEmpty()) {
            return PayForAnswer.of(PayForCode.USER_PASS_MISSING, orderId);
        }
        Optional<PayForTerminal> found = terminals.authenticate(userCode, userPass, field(request, "MerchantId", "MerchantID"),
                field(request, "MbrId"));
        if (found.isEmpty()) {
            return PayForAnswer.of(PayForCode.USER_NOT_AUTHENTICATED, orderId);
        }
        PayForTerminal terminal = found.get();
        if (!terminal.allows(address)) {
            return PayForAnswer.of(PayForCode.IP_RESTRICTED, orderId);
        }
        String secureType = field(request, "SecureType");
        String txnType = field(request, "TxnType");
        switch (secureType) {
            case "3DModelPayment":
                return provision(terminal, field(request, "RequestGuid"), orderId);
            case "NonSecure":
                return switch (txnType) {
                    case "Void" -> voidSale(terminal, field(request, "OrgOrderId"));
                    case "PostAuth" -> capture(terminal, field(request, "OrgOrderId"), field(request, "PurchAmount"));
                    case "Refund" -> refund(terminal, field(request, "OrgOrderId"), field(request, "PurchAmount"),
                            field(request, "Currency"));
                    case "BatchClose" -> closeBatch(terminal);
                    // a 3-D terminal: no sale or pre-authorization without 3-D Secure
                    case "Auth", "PreAuth" -> PayForAnswer.of(PayForCode.TXN_TYPE_NOT_ALLOWED, orderId);
                    default -> PayForAnswer.of(PayForCode.TXN_TYPE_UNKNOWN, orderId);
                };
            case "Inquiry":
                return txnType.equals("OrderInquiry") ? inquire(terminal, field(request, "OrgOrderId", "OrderId"))
                        : PayForAnswer.of(PayForCode.SECURE_TYPE_MISMATCH, orderId);
            case "Report":
                return txnType.equals("TxnHistory") ? history(terminal, orderId, field(request, "ReqDate"))
                        : PayForAnswer.of(PayForCode.SECURE_TYPE_MISMATCH, orderId);
            default:
                return PayForAnswer.of(PayForCode.SECURE_TYPE_UNKNOWN, orderId);
        }
    }

    /** 3DModelPayment: charges an authenticated order, once. */
    private PayForAnswer provision(PayForTerminal terminal, String requestGuid, String orderId) {
        if (requestGuid.isEmpty()) {
            return PayForAnswer.wrong(PayForCode.WRONG_VALUE, "RequestGuid", orderId);
        }
        if (orderId.isEmpty()) {
            return PayForAnswer.of(PayForCode.ORDER_ID_REQUIRED, orderId);
        }
        return transaction.execute(status -> {
            Optional<ThreeDRequest> found = books.find(PayForMpi.GATEWAY, requestGuid)
                    .filter(request -> request.merchantNo().equals(terminal.merchantId()));
            if (found.isEmpty() || found.get().status() == ThreeDRequest.Status.SUPERSEDED) {
                return PayForAnswer.of(PayForCode.TRANSACTION_NOT_FOUND, orderId);
            }
            ThreeDRequest request = found.get();
            if (!request.order().orderId().equals(orderId)) {
                return PayForAnswer.of(PayForCode.SYSTEM_ERROR, orderId); // the real bank's answer to another order id
            }
            books.lockOrder(PayForMpi.GATEWAY, terminal.merchantId(), orderId);
            if (books.sale(PayForMpi.GATEWAY, terminal.merchantId(), orderId).isPresent()) {
                return PayForAnswer.of(PayForCode.DUPLICATE_ORDER, orderId);
            }
            switch (request.status()) {
                case CHALLENGE:
                    return PayForAnswer.of(PayForCode.NOT_COMPLETED, orderId);
                case FAILED:
                case HALF:
                    // full 3-D Secure only: a failed challenge or a card not enrolled is never charged
                    return PayForAnswer.of(PayForCode.THREE_D_AUTHORIZE_ERROR, orderId);
                default:
                    break;
            }
            Instant now = clock.instant();
            int batch = books.openBatch(PayForMpi.GATEWAY, terminal.merchantId(), now);
            SimulatedIssuer.Authorization authorization = issuer.authorize(request.outcome());
            SimulatorBooks.Entry sale = request.sale(authorization, batch, now);
            if (books.record(PayForMpi.GATEWAY, terminal.merchantId(), sale).isEmpty()) {
                return PayForAnswer.of(PayForCode.DUPLICATE_ORDER, orderId);
            }
            return PayForAnswer.of(sale.procReturnCode(), sale.errMsg(), orderId)
                    .with("AuthCode", sale.authCode()).with("HostRefNum", sale.hostRefNum())
                    .with("CardHolderName", request.order().cardHolderName())
                    .with("BatchNo", Integer.toString(batch));
        });
    }

    /**
     * What {@code action} answers of the order's approved sale, locked, in one transaction; V013 when the bank has
     * none, ORIGINAL_ORDER_REQUIRED when no order was named.
     */
    private PayForAnswer onSale(PayForTerminal terminal, String orgOrderId,
                                java.util.function.Function<SimulatorBooks.Booked, PayForAnswer> action) {
        if (orgOrderId.isEmpty()) {
            return PayForAnswer.of(PayForCode.ORIGINAL_ORDER_REQUIRED, orgOrderId);
        }
        return transaction.execute(status -> books.saleForUpdate(PayForMpi.GATEWAY, terminal.merchantId(), orgOrderId)
                .filter(SimulatorBooks.Booked::approved).map(action)
                .orElseGet(() -> PayForAnswer.of(PayForCode.TRANSACTION_NOT_FOUND, orgOrderId)));
    }

    /** Void (iptal): an approved sale of the open batch, in full. */
    private PayForAnswer voidSale(PayForTerminal terminal, String orgOrderId) {
        return onSale(terminal, orgOrderId, sale -> {
            if (sale.voided()) {
                return PayForAnswer.of(PayForCode.ALREADY_VOIDED, orgOrderId);
            }
            // a hold that was not captured is released whatever its batch: no money moved [X6]
            if (!sale.txnType().equals("PreAuth") && (sale.batchClosed() || sale.refundedAmount().signum() > 0)) {
                // after end of day the money moved: only a refund can give it back
                return PayForAnswer.of(PayForCode.CANNOT_VOID, orgOrderId);
            }
            Instant now = clock.instant();
            books.markVoided(sale.id(), now);
            String hostRefNum = SimulatedIssuer.digits(12);
            books.record(PayForMpi.GATEWAY, terminal.merchantId(), new SimulatorBooks.Entry(orgOrderId, "Void", null, true,
                    PayForCode.APPROVED.code, PayForCode.APPROVED.message, sale.authCode(), hostRefNum, sale.amount(),
                    sale.currency(), sale.installments(), sale.cardMask(), sale.batchNo(), now));
            return PayForAnswer.of(PayForCode.APPROVED, orgOrderId).with("AuthCode", sale.authCode())
                    .with("HostRefNum", hostRefNum);
        });
    }

    /** PostAuth: closes an open pre-authorization for the amount captured, in today's batch [X6]. */
    private PayForAnswer capture(PayForTerminal terminal, String orgOrderId, String purchAmount) {
        return onSale(terminal, orgOrderId, preAuthorization -> {
            BigDecimal amount;
            try {
                amount = PayForAmounts.amount(purchAmount, PayForAmounts.currency(preAuthorization.currency()));
            } catch (PayForAmounts.Refused refused) {
                return PayForAnswer.of(refused.code, orgOrderId);
            }
            Optional<SimulatorBooks.CaptureRefusal> refusal = SimulatorBooks.captureRefusal(preAuthorization, amount);
            if (refusal.isPresent()) {
                return PayForAnswer.of(switch (refusal.get()) {
                    case NOT_A_PRE_AUTHORIZATION -> PayForCode.NOT_A_PRE_AUTHORIZATION;
                    case CLOSED_BEFORE -> PayForCode.PRE_AUTHORIZATION_CLOSED;
                    case VOIDED -> PayForCode.ALREADY_VOIDED;
                    case EXCEEDS -> PayForCode.CAPTURE_AMOUNT_DIFFERS;
                }, orgOrderId);
            }
            SimulatorBooks.Entry capture = books.capture(PayForMpi.GATEWAY, terminal.merchantId(), preAuthorization, amount,
                    clock.instant());
            return PayForAnswer.of(PayForCode.APPROVED, orgOrderId).with("AuthCode", capture.authCode())
                    .with("HostRefNum", capture.hostRefNum()).with("BatchNo", Integer.toString(capture.batchNo()));
        });
    }

    /** Refund (iade): part or all of what is left of an approved sale whose batch is closed. */
    private PayForAnswer refund(PayForTerminal terminal, String orgOrderId, String purchAmount, String currencyCode) {
        if (orgOrderId.isEmpty()) {
            return PayForAnswer.of(PayForCode.ORIGINAL_ORDER_REQUIRED, orgOrderId); // before the amount, as the bank
        }
        if (purchAmount.isEmpty()) {
            return PayForAnswer.of(PayForCode.REFUND_AMOUNT_MISSING, orgOrderId);
        }
        if (!currencyCode.isEmpty() && PayForAmounts.knownCurrency(currencyCode).isEmpty()) {
            return PayForAnswer.of(PayForCode.CURRENCY_INVALID, orgOrderId);
        }
        return onSale(terminal, orgOrderId, sale -> {
            if (!currencyCode.isEmpty() && !currencyCode.equals(sale.currency())) {
                return PayForAnswer.of(PayForCode.CURRENCY_INVALID, orgOrderId);
            }
            BigDecimal amount;
            try {
                Currency currency = PayForAmounts.currency(sale.currency());
                amount = PayForAmounts.amount(purchAmount, currency);
            } catch (PayForAmounts.Refused refused) {
                return PayForAnswer.of(refused.code, orgOrderId);
            }
            if (sale.voided()) {
                return PayForAnswer.of(PayForCode.ALREADY_VOIDED, orgOrderId);
            }
            if (!sale.batchClosed()) {
                return PayForAnswer.of(PayForCode.REFUND_BEFORE_END_OF_DAY, orgOrderId);
            }
            BigDecimal rest = sale.amount().subtract(sale.refundedAmount());
            if (rest.signum() == 0) {
                return PayForAnswer.of(PayForCode.ALREADY_REFUNDED, orgOrderId);
            }
            if (amount.compareTo(rest) > 0) {
                return PayForAnswer.of(PayForCode.REFUND_EXCEEDS, orgOrderId);
            }
            Instant now = clock.instant();
            books.addRefund(sale.id(), amount);
            String authCode = "S" + SimulatedIssuer.digits(5);
            String hostRefNum = SimulatedIssuer.digits(12);
            int batch = books.openBatch(PayForMpi.GATEWAY, terminal.merchantId(), now);
            books.record(PayForMpi.GATEWAY, terminal.merchantId(), new SimulatorBooks.Entry(orgOrderId, "Refund", null, true,
                    PayForCode.APPROVED.code, PayForCode.APPROVED.message, authCode, hostRefNum, amount, sale.currency(),
                    "0", sale.cardMask(), batch, now));
            return PayForAnswer.of(PayForCode.APPROVED, orgOrderId).with("AuthCode", authCode).with("HostRefNum", hostRefNum);
        });
    }

    /** OrderInquiry: the order's sale as the bank has it (only provisions count; a 3-D step alone is not found). */
    private PayForAnswer inquire(PayForTerminal terminal, String orgOrderId) {
        if (orgOrderId.isEmpty()) {
            return PayForAnswer.of(PayForCode.ORIGINAL_ORDER_REQUIRED, orgOrderId);
        }
        Optional<SimulatorBooks.Booked> found = books.sale(PayForMpi.GATEWAY, terminal.merchantId(), orgOrderId);
        if (found.isEmpty()) {
            return PayForAnswer.of(PayForCode.TRANSACTION_NOT_FOUND, orgOrderId)
                    .with("OrderId", orgOrderId).with("RequestGuid", "0").with("TxnStatus", "P")
                    .with("IrcCode", "99961").with("IrcDet", PayForCode.TRANSACTION_NOT_FOUND.message)
                    .with("InsertDatetime", "1.01.0001 00:00:00");
        }
        SimulatorBooks.Booked sale = found.get();
        return PayForAnswer.of(sale.procReturnCode(), sale.errMsg(), orgOrderId)
                .with("AuthCode", sale.authCode()).with("HostRefNum", sale.hostRefNum())
                .with("OrderId", sale.orderId()).with("RequestGuid", sale.requestGuid())
                .with("MbrId", terminal.mbrId()).with("MerchantID", terminal.merchantId())
                .with("TxnType", sale.txnType()).with("PurchAmount", PayForAmounts.format(sale.amount()))
                .with("Currency", sale.currency()).with("InstallmentCount", sale.installments())
                .with("CardMask", sale.cardMask())
                .with("IsVoided", sale.voided() ? "true" : "false")
                .with("VoidDate", sale.voided() ? DAY.format(sale.voidedAt()) : "")
                .with("VoidTime", sale.voided() ? TIME.format(sale.voidedAt()) : "")
                .with("IsRefunded", sale.refundedAmount().signum() > 0 ? "true" : "false")
                .with("RefundedAmount", PayForAmounts.format(sale.refundedAmount()))
                .with("InsertDatetime", INSERT_DATETIME.format(sale.createdAt()))
                .with("TrxDate", DAY.format(sale.createdAt()))
                .with("BatchNo", Integer.toString(sale.batchNo()))
                .with("TxnStatus", txnStatus(sale))
                .with("ReturnMessage", sale.errMsg());
    }

    /** TxnHistory: every transaction of an order (OrderId), or of a day (ReqDate, yyyyMMdd, Istanbul). */
    private PayForAnswer history(PayForTerminal terminal, String orderId, String reqDate) {
        List<SimulatorBooks.Booked> transactions;
        if (!orderId.isEmpty()) {
            transactions = books.history(PayForMpi.GATEWAY, terminal.merchantId(), orderId);
        } else if (!reqDate.isEmpty()) {
            LocalDate day;
            try {
                day = LocalDate.parse(reqDate, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException malformed) {
                return PayForAnswer.wrong(PayForCode.WRONG_VALUE, "ReqDate", "");
            }
            transactions = books.history(PayForMpi.GATEWAY, terminal.merchantId(), day.atStartOfDay(BusinessTime.ZONE).toInstant(),
                    day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        } else {
            return PayForAnswer.of(PayForCode.ORDER_ID_REQUIRED, "");
        }
        return PayForAnswer.history(transactions.stream().map(booked -> historyRow(terminal, booked)).toList());
    }

    /** One transaction as the report's PaymentRequest element lists it. */
    private static PayForAnswer.HistoryRow historyRow(PayForTerminal terminal, SimulatorBooks.Booked booked) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("MbrId", terminal.mbrId());
        fields.put("MerchantID", terminal.merchantId());
        fields.put("OrderId", booked.orderId());
        fields.put("RequestGuid", booked.requestGuid() == null ? "0" : booked.requestGuid());
        fields.put("TxnType", booked.txnType());
        fields.put("PurchAmount", PayForAmounts.format(booked.amount()));
        fields.put("Currency", booked.currency());
        fields.put("InstallmentCount", booked.installments());
        fields.put("CardMask", booked.cardMask());
        fields.put("ProcReturnCode", booked.procReturnCode());
        fields.put("ErrMsg", booked.errMsg());
        fields.put("AuthCode", booked.authCode());
        fields.put("HostRefNum", booked.hostRefNum());
        fields.put("TransId", booked.orderId());
        fields.put("BatchNo", Integer.toString(booked.batchNo()));
        fields.put("TxnStatus", txnStatus(booked));
        fields.put("InsertDatetime", HISTORY_DATETIME.format(booked.createdAt()));
        return new PayForAnswer.HistoryRow(fields, booked.batchClosed(),
                booked.batchClosed() ? SETTLEMENT_DATE.format(booked.batchClosedAt()) : "");
    }

    /** BatchClose (gün sonu): closes the terminal's open batch; approved even when nothing was open. */
    private PayForAnswer closeBatch(PayForTerminal terminal) {
        Optional<Integer> closed = books.closeBatch(PayForMpi.GATEWAY, terminal.merchantId(), clock.instant());
        return PayForAnswer.of(PayForCode.APPROVED, "").with("BatchNo", closed.map(String::valueOf).orElse(""));
    }

    private static String txnStatus(SimulatorBooks.Booked booked) {
        return !booked.approved() ? "N" : booked.voided() ? "V" : "Y";
    }

    /** The first of the names the request carries (PayFor spells some fields two ways), stripped; "" if none. */
    private static String field(Map<String, String> request, String... names) {
        for (String name : names) {
            String value = request.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }
}

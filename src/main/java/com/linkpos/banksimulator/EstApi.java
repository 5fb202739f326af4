package com.linkpos.banksimulator;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated EST v3 API at {@code /fim/api} (docs/VPOS.md B4 (4)-(5), B5): the provision after 3-D
 * ({@code Auth} with the MPI's md as {@code Number}), Void, Credit (refund, also partial), ORDERSTATUS
 * and ORDERHISTORY, and the day's end LinkPOS announces. Every request names its terminal by
 * {@code Name}, {@code Password} and {@code ClientId}. Refusals are the real gateway's where they are
 * known (CORE-2008, CORE-2508, 215021, "XID daha önce kullanılmıştır"); elsewhere EST's general 99 with
 * a plain text. Amounts of ORDERSTATUS and ORDERHISTORY are in minor units, as the banks write them.
 */
@Component
class EstApi {

    private static final DateTimeFormatter TRX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss").withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter HOST_DATE = DateTimeFormatter.ofPattern("MMdd-HHmmss").withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter TRANS_ID_DAY = DateTimeFormatter.ofPattern("yyDDD").withZone(BusinessTime.ZONE);

    private final EstTerminals terminals;
    private final SimulatedIssuer issuer;
    private final SimulatorBooks books;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SimulatorSettings settings;

    EstApi(EstTerminals terminals, SimulatedIssuer issuer, SimulatorBooks books, TransactionTemplate transaction, Clock clock,
           SimulatorSettings settings) {
        this.terminals = terminals;
        this.issuer = issuer;
        this.books = books;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
    }

    /** Answers one CC5Request ({@code extra}: the children of its {@code Extra}); a refusal says what was wrong, nothing throws. */
    EstAnswer answer(Map<String, String> request, Map<String, String> extra) {
        settings.think();
        String orderId = field(request, "OrderId");
        for (Map.Entry<String, String> value : request.entrySet()) {
            if (value.getValue().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f) || value.getValue().length() > 1000) {
                return EstAnswer.error(orderId, null, "Geçersiz değer: " + value.getKey());
            }
        }
        Optional<EstTerminal> found = terminals.authenticate(field(request, "ClientId"), field(request, "Name"),
                field(request, "Password"));
        if (found.isEmpty()) {
            return EstAnswer.error(orderId, null, "Kullanıcı adı, şifre veya üye işyeri numarası hatalı");
        }
        EstTerminal terminal = found.get();
        if ("QUERY".equals(extra.get("ORDERSTATUS"))) {
            return status(terminal, orderId);
        }
        if ("QUERY".equals(extra.get("ORDERHISTORY"))) {
            return history(terminal, orderId);
        }
        String type = field(request, "Type");
        return switch (type) {
            case "Auth", "PreAuth" -> field(request, "Number").contains(":")
                    ? provision(terminal, request)
                    // a 3-D terminal: no sale with a bare card number
                    : EstAnswer.error(orderId, null, "Bu üye işyeri 3D Secure olmadan satış yapamaz");
            case "Void" -> voidSale(terminal, orderId);
            case "Credit" -> credit(terminal, orderId, field(request, "Total"), field(request, "Currency"));
            case "PostAuth" -> capture(terminal, orderId, field(request, "Total"));
            default -> EstAnswer.error(orderId, null, "Geçersiz işlem tipi: " + type);
        };
    }

    /** LinkPOS's end of day: the terminal's open batch closes (a real EST bank closes its day by itself). */
    EstAnswer dayEnd(String clientId, String name, String password) {
        Optional<EstTerminal> found = terminals.authenticate(clientId, name, password);
        if (found.isEmpty()) {
            return EstAnswer.error("", null, "Kullanıcı adı, şifre veya üye işyeri numarası hatalı");
        }
        Optional<Integer> closed = books.closeBatch(EstMpi.GATEWAY, clientId, clock.instant());
        return EstAnswer.of("Response", "Approved", "ProcReturnCode", "00", "ErrMsg", "")
                .extra("SETTLEID", closed.map(String::valueOf).orElse(""));
    }

    /** Auth after 3-D: the authenticated request behind the md, charged once for its own order and amount. */
    private EstAnswer provision(EstTerminal terminal, Map<String, String> request) {
        String orderId = field(request, "OrderId");
        return transaction.execute(status -> {
            Optional<ThreeDRequest> found = books.findByMd(EstMpi.GATEWAY, field(request, "Number"))
                    .filter(threeD -> threeD.merchantNo().equals(terminal.clientId()))
                    .filter(threeD -> threeD.status() != ThreeDRequest.Status.SUPERSEDED);
            if (found.isEmpty()) {
                return EstAnswer.error(orderId, null, "3D doğrulaması bulunamadı (md geçersiz)");
            }
            ThreeDRequest threeD = found.get();
            if (!threeD.order().orderId().equals(orderId)) {
                return EstAnswer.error(orderId, null, "Sipariş numarası 3D doğrulamasındakiyle aynı değil");
            }
            if (!threeD.order().txnType().equals(field(request, "Type"))) {
                return EstAnswer.error(orderId, null, "İşlem tipi 3D doğrulamasındakiyle aynı değil");
            }
            books.lockOrder(EstMpi.GATEWAY, terminal.clientId(), orderId);
            if (books.saleOfRequest(EstMpi.GATEWAY, threeD.requestGuid()).isPresent()) {
                return EstAnswer.error(orderId, null, "XID daha önce kullanılmıştır. Tekrar kullanılamaz");
            }
            if (threeD.status() != ThreeDRequest.Status.AUTHENTICATED || !"3d".equals(threeD.order().secureType())) {
                // full 3-D Secure only: a failed challenge or a card not enrolled is never charged
                return EstAnswer.error(orderId, null, "3D doğrulaması başarısız (mdStatus " + threeD.answer().threeDStatus() + ")");
            }
            if (!field(request, "PayerTxnId").equals(threeD.answer().xid())
                    || !field(request, "PayerAuthenticationCode").equals(threeD.answer().cavv())) {
                return EstAnswer.error(orderId, null, "3D doğrulama verisi (xid, cavv) bu işlemin değil");
            }
            if (!sameAmount(field(request, "Total"), field(request, "Currency"), threeD.order())) {
                return EstAnswer.error(orderId, null, "Tutar veya para birimi 3D doğrulamasındakiyle aynı değil");
            }
            Instant now = clock.instant();
            int batch = books.openBatch(EstMpi.GATEWAY, terminal.clientId(), now);
            SimulatorBooks.Entry sale = threeD.sale(issuer.authorize(threeD.outcome()), batch, now);
            Optional<Long> id = books.record(EstMpi.GATEWAY, terminal.clientId(), sale);
            if (id.isEmpty()) {
                return EstAnswer.error(orderId, null, "Bu sipariş numarası ile daha önce işlem yapılmış");
            }
            SimulatorBooks.Booked booked = books.saleOfRequest(EstMpi.GATEWAY, threeD.requestGuid()).orElseThrow();
            EstAnswer answer = EstAnswer.of("OrderId", orderId, "GroupId", orderId,
                    "Response", sale.approved() ? "Approved" : "Declined", "AuthCode", sale.authCode(),
                    "HostRefNum", sale.hostRefNum(), "ProcReturnCode", sale.procReturnCode(), "TransId", transId(booked),
                    "ErrMsg", sale.approved() ? "" : sale.errMsg());
            return answer.extra("SETTLEID", Integer.toString(batch)).extra("TRXDATE", TRX_DATE.format(now))
                    .extra("ERRORCODE", sale.approved() ? "" : "ISO8583-" + sale.procReturnCode())
                    .extra("TERMINALID", terminal.terminalId()).extra("MERCHANTID", terminal.clientId())
                    .extra("CARDBRAND", threeD.card().brand().name())
                    .extra("CARDISSUER", threeD.card().issuer() == null ? "" : threeD.card().issuer().toUpperCase(java.util.Locale.forLanguageTag("tr")))
                    .extra("HOSTDATE", HOST_DATE.format(now)).extra("NUMCODE", sale.approved() ? "00" : "99" + sale.procReturnCode());
        });
    }

    /** Void: an approved sale of the open batch, in full; anything else is CORE-2008. */
    private EstAnswer voidSale(EstTerminal terminal, String orderId) {
        return transaction.execute(status -> {
            Optional<SimulatorBooks.Booked> found = books.saleForUpdate(EstMpi.GATEWAY, terminal.clientId(), orderId)
                    .filter(SimulatorBooks.Booked::approved)
                    // a hold that was not captured is released whatever its batch: no money moved [X6]
                    .filter(sale -> !sale.voided() && (sale.txnType().equals("PreAuth")
                            || !sale.batchClosed() && sale.refundedAmount().signum() == 0));
            if (found.isEmpty()) {
                return EstAnswer.error(orderId, "CORE-2008", "İptal edilmeye uygun satış işlemi bulunamadı.")
                        .extra("EXTENDED_ERROR_CODE", "215001");
            }
            SimulatorBooks.Booked sale = found.get();
            Instant now = clock.instant();
            books.markVoided(sale.id(), now);
            String hostRefNum = SimulatedIssuer.digits(12);
            long id = books.record(EstMpi.GATEWAY, terminal.clientId(), new SimulatorBooks.Entry(orderId, "Void", null, true,
                    "00", "", sale.authCode(), hostRefNum, sale.amount(), sale.currency(), sale.installments(), sale.cardMask(),
                    sale.batchNo(), now)).orElseThrow();
            return approved(orderId, sale.authCode(), hostRefNum, transId(id, now), sale.batchNo(), now);
        });
    }

    /** PostAuth: closes an open pre-authorization for the amount captured, in today's batch [X6]. */
    private EstAnswer capture(EstTerminal terminal, String orderId, String total) {
        return transaction.execute(status -> {
            Optional<SimulatorBooks.Booked> found = books.saleForUpdate(EstMpi.GATEWAY, terminal.clientId(), orderId)
                    .filter(SimulatorBooks.Booked::approved);
            if (found.isEmpty()) {
                return EstAnswer.error(orderId, "CORE-2012", "Ön provizyon bulunamadı.");
            }
            SimulatorBooks.Booked preAuthorization = found.get();
            BigDecimal amount;
            try {
                amount = PayForAmounts.amount(total, PayForAmounts.currency(preAuthorization.currency()));
            } catch (PayForAmounts.Refused refused) {
                return EstAnswer.error(orderId, null, "Tutar geçersiz");
            }
            Optional<SimulatorBooks.CaptureRefusal> refusal = SimulatorBooks.captureRefusal(preAuthorization, amount);
            if (refusal.isPresent()) {
                return EstAnswer.error(orderId, "CORE-2012", switch (refusal.get()) {
                    case NOT_A_PRE_AUTHORIZATION -> "İşlem bir ön provizyon değil.";
                    case CLOSED_BEFORE -> "Ön provizyon daha önce kapatılmış.";
                    case VOIDED -> "Ön provizyon iptal edilmiş.";
                    case EXCEEDS -> "Kapama tutarı ön provizyon tutarını aşıyor.";
                });
            }
            Instant now = clock.instant();
            SimulatorBooks.Entry capture = books.capture(EstMpi.GATEWAY, terminal.clientId(), preAuthorization, amount, now);
            SimulatorBooks.Booked booked = books.sale(EstMpi.GATEWAY, terminal.clientId(), orderId).orElseThrow();
            return approved(orderId, capture.authCode(), capture.hostRefNum(), transId(booked), capture.batchNo(), now);
        });
    }

    /** Credit: part or all of what is left of an approved sale whose day has ended. */
    private EstAnswer credit(EstTerminal terminal, String orderId, String total, String currencyCode) {
        return transaction.execute(status -> {
            Optional<SimulatorBooks.Booked> found = books.saleForUpdate(EstMpi.GATEWAY, terminal.clientId(), orderId)
                    .filter(SimulatorBooks.Booked::approved).filter(sale -> !sale.voided());
            if (found.isEmpty()) {
                return EstAnswer.error(orderId, null, "İade edilecek satış bulunamadı.");
            }
            SimulatorBooks.Booked sale = found.get();
            BigDecimal amount;
            try {
                Currency currency = PayForAmounts.currency(currencyCode.isEmpty() ? sale.currency() : currencyCode);
                if (!currencyCode.isEmpty() && !currencyCode.equals(sale.currency())) {
                    return EstAnswer.error(orderId, null, "Para birimi satışınkiyle aynı değil");
                }
                amount = PayForAmounts.amount(total, currency);
            } catch (PayForAmounts.Refused refused) {
                return EstAnswer.error(orderId, null, "Tutar veya para birimi geçersiz");
            }
            if (!sale.batchClosed()) {
                return EstAnswer.error(orderId, "CORE-2508", "Iade yapilamaz, siparis gunsonuna girmemis.");
            }
            BigDecimal rest = sale.amount().subtract(sale.refundedAmount());
            if (rest.signum() == 0) {
                return EstAnswer.error(orderId, "215021", "Net Tutar 0.");
            }
            if (amount.compareTo(rest) > 0) {
                return EstAnswer.error(orderId, null, "İade tutarı, iade edilebilir tutardan büyük olamaz");
            }
            Instant now = clock.instant();
            books.addRefund(sale.id(), amount);
            String authCode = "S" + SimulatedIssuer.digits(5);
            String hostRefNum = SimulatedIssuer.digits(12);
            int batch = books.openBatch(EstMpi.GATEWAY, terminal.clientId(), now);
            long id = books.record(EstMpi.GATEWAY, terminal.clientId(), new SimulatorBooks.Entry(orderId, "Credit", null, true,
                    "00", "", authCode, hostRefNum, amount, sale.currency(), "", sale.cardMask(), batch, now)).orElseThrow();
            return approved(orderId, authCode, hostRefNum, transId(id, now), batch, now);
        });
    }

    /** ORDERSTATUS: the order's sale as the bank has it; a 3-D step alone is "No record found". */
    private EstAnswer status(EstTerminal terminal, String orderId) {
        Optional<SimulatorBooks.Booked> found = books.sale(EstMpi.GATEWAY, terminal.clientId(), orderId);
        if (found.isEmpty()) {
            return EstAnswer.of("ErrMsg", "No record found for " + orderId, "ProcReturnCode", "99", "Response", "Declined",
                    "OrderId", orderId).extra("NUMCODE", "0");
        }
        SimulatorBooks.Booked sale = found.get();
        Optional<ThreeDRequest> threeD = sale.requestGuid() == null ? Optional.empty()
                : books.find(EstMpi.GATEWAY, sale.requestGuid());
        ThreeDRequest.Answer mpi = threeD.map(ThreeDRequest::answer).orElse(null);
        String captured = sale.approved() && !sale.voided() ? minor(sale.amount()) : "";
        EstAnswer answer = EstAnswer.of("ErrMsg", "Record(s) found for " + orderId, "ProcReturnCode", "00",
                "Response", "Approved", "OrderId", orderId, "TransId", transId(sale));
        answer.extra("AUTH_CODE", sale.authCode()).extra("AUTH_DTTM", STATUS_TIME.format(sale.createdAt()))
                .extra("CAPTURE_AMT", captured).extra("CAPTURE_DTTM", captured.isEmpty() ? "" : STATUS_TIME.format(sale.createdAt()))
                .extra("CAVV_3D", mpi == null ? "" : mpi.cavv()).extra("CHARGE_TYPE_CD", "S")
                .extra("ECI_3D", mpi == null ? "" : mpi.eci()).extra("HOSTDATE", HOST_DATE.format(sale.createdAt()))
                .extra("HOST_REF_NUM", sale.hostRefNum()).extra("MDSTATUS", mpi == null ? "" : mpi.threeDStatus())
                .extra("NUMCODE", sale.approved() ? "0" : "99" + sale.procReturnCode()).extra("ORD_ID", orderId)
                .extra("ORIG_TRANS_AMT", minor(sale.amount())).extra("PAN", sale.cardMask())
                .extra("PROC_RET_CD", sale.procReturnCode()).extra("SETTLEID", Integer.toString(sale.batchNo()))
                .extra("TRANS_ID", transId(sale)).extra("TRANS_STAT", transStat(sale))
                .extra("VOID_DTTM", sale.voided() ? STATUS_TIME.format(sale.voidedAt()) : "")
                .extra("XID_3D", mpi == null ? "" : mpi.xid());
        StringBuilder list = new StringBuilder();
        answer.extra().forEach((name, value) -> list.append(name).append(':').append(value).append('\t'));
        return answer.extra("ORDERSTATUS", list.toString().strip());
    }

    /** ORDERHISTORY: every transaction of the order, one tab-separated record each (B5). */
    private EstAnswer history(EstTerminal terminal, String orderId) {
        List<SimulatorBooks.Booked> transactions = books.history(EstMpi.GATEWAY, terminal.clientId(), orderId);
        if (transactions.isEmpty()) {
            return EstAnswer.of("ErrMsg", "No record found for " + orderId, "ProcReturnCode", "99", "Response", "Declined",
                    "OrderId", orderId).extra("TRXCOUNT", "0");
        }
        EstAnswer answer = EstAnswer.of("ErrMsg", "Record(s) found for " + orderId, "ProcReturnCode", "00",
                "Response", "Approved", "OrderId", orderId);
        List<SimulatorBooks.Booked> records = transactions.stream().filter(t -> !t.txnType().equals("Void")).toList();
        answer.extra("TRXCOUNT", Integer.toString(records.size()));
        for (int i = 0; i < records.size(); i++) {
            SimulatorBooks.Booked record = records.get(i);
            boolean credit = record.txnType().equals("Credit");
            String at = STATUS_TIME.format(record.createdAt());
            answer.extra("TRX" + (i + 1), String.join("\t", credit ? "C" : "S", credit ? "C" : transStat(record),
                    minor(record.amount()), record.approved() && !record.voided() ? minor(record.amount()) : "", at,
                    record.approved() ? at : "", record.voided() ? STATUS_TIME.format(record.voidedAt()) : "",
                    record.hostRefNum(), record.authCode(), record.procReturnCode(), transId(record)));
        }
        return answer;
    }

    private static EstAnswer approved(String orderId, String authCode, String hostRefNum, String transId, int batch, Instant now) {
        return EstAnswer.of("OrderId", orderId, "GroupId", orderId, "Response", "Approved", "AuthCode", authCode,
                        "HostRefNum", hostRefNum, "ProcReturnCode", "00", "TransId", transId, "ErrMsg", "")
                .extra("SETTLEID", Integer.toString(batch)).extra("TRXDATE", TRX_DATE.format(now)).extra("ERRORCODE", "")
                .extra("NUMCODE", "00");
    }

    /** TRANS_STAT: D declined, V voided, C captured (its day ended), S a sale of the open day. */
    private static String transStat(SimulatorBooks.Booked sale) {
        return !sale.approved() ? "D" : sale.voided() ? "V" : sale.txnType().equals("PreAuth") ? "A" : sale.batchClosed() ? "C" : "S";
    }

    /** The amount as ORDERSTATUS writes it: minor units ("1.01" is 101). */
    private static String minor(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static boolean sameAmount(String total, String currencyCode, ThreeDRequest.Order order) {
        try {
            Currency currency = PayForAmounts.currency(currencyCode);
            return currencyCode.equals(order.currency()) && PayForAmounts.amount(total, currency).compareTo(order.amount()) == 0;
        } catch (PayForAmounts.Refused refused) {
            return false;
        }
    }

    /** The bank's transaction id, shaped as the real one ({@code 23253WkfD10806}): the day, and the books' id. */
    static String transId(SimulatorBooks.Booked booked) {
        return transId(booked.id(), booked.createdAt());
    }

    private static String transId(long id, Instant at) {
        return TRANS_ID_DAY.format(at) + "Sim" + String.format("%06d", id % 1_000_000);
    }

    private static String field(Map<String, String> request, String name) {
        String value = request.get(name);
        return value == null ? "" : value.strip();
    }
}

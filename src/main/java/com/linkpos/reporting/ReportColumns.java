package com.linkpos.reporting;

import com.linkpos.transaction.Transaction;
import java.util.List;

/** What each export holds, column by column: the same as the screen it comes from. */
final class ReportColumns {

    private ReportColumns() {
    }

    /** [M1] the link list. */
    static List<Column<LinkRow>> links(String payBaseUrl) {
        return List.of(
                Column.text("links.col.orderNumber", LinkRow::orderNumber),
                Column.text("links.col.url", row -> payBaseUrl + "/pay/" + row.token()),
                Column.money("links.col.amount", LinkRow::amount),
                Column.text("links.col.currency", row -> row.amount().currency().name()),
                Column.integer("links.col.installments", LinkRow::installments),
                Column.dateTime("links.col.validFrom", LinkRow::validFrom),
                Column.dateTime("links.col.validUntil", LinkRow::validUntil),
                Column.code("links.col.usage", LinkRow::usage, "usage."),
                Column.code("links.col.status", row -> row.status().name(), "status."),
                Column.integer("links.col.paymentCount", LinkRow::paymentCount),
                Column.money("links.col.collected", LinkRow::collected),
                Column.money("links.col.refunded", LinkRow::refunded),
                Column.money("links.col.net", LinkRow::net),
                Column.dateTime("links.col.createdAt", LinkRow::createdAt));
    }

    /** [R2] LinkPOS Raporu. */
    static List<Column<LinkRow>> linkReport() {
        return List.of(
                Column.text("links.col.orderNumber", LinkRow::orderNumber),
                Column.dateTime("links.col.createdAt", LinkRow::createdAt),
                Column.dateTime("links.col.validFrom", LinkRow::validFrom),
                Column.dateTime("links.col.validUntil", LinkRow::validUntil),
                Column.code("links.col.usage", LinkRow::usage, "usage."),
                Column.code("links.col.status", row -> row.status().name(), "status."),
                Column.integer("links.col.paymentCount", LinkRow::paymentCount),
                Column.money("links.col.collected", LinkRow::collected),
                Column.money("links.col.refunded", LinkRow::refunded),
                Column.money("links.col.net", LinkRow::net),
                Column.text("links.col.currency", row -> row.collected().currency().name()),
                Column.dateTime("report.lastPaidAt", LinkRow::lastPaidAt),
                Column.integer("report.views", LinkRow::views),
                Column.integer("report.attempts", LinkRow::attempts));
    }

    /** [R1] İşlem Arama. */
    static List<Column<Transaction>> transactions() {
        return List.of(
                Column.dateTime("tx.date", Transaction::createdAt),
                Column.text("tx.id", Transaction::id),
                Column.code("tx.type", t -> t.type().name(), "tx.type."),
                Column.code("tx.status", t -> t.status().name(), "tx.status."),
                Column.text("links.col.orderNumber", Transaction::orderNumber),
                Column.money("links.col.amount", Transaction::amount),
                Column.text("links.col.currency", t -> t.amount().currency().name()),
                Column.integer("links.col.installments", Transaction::installments),
                Column.text("result.card", t -> t.card() == null ? null : t.card().masked()),
                Column.text("tx.brand", t -> t.card() == null ? null : t.card().brand()),
                Column.text("tx.issuer", t -> t.card() == null ? null : t.card().issuer()),
                Column.text("result.authCode", Transaction::authCode),
                Column.text("result.reference", Transaction::hostReference),
                Column.text("tx.responseCode", Transaction::responseCode),
                Column.text("tx.responseMessage", Transaction::responseMessage),
                Column.text("tx.mdStatus", Transaction::mdStatus),
                Column.text("tx.eci", Transaction::eci),
                Column.text("detail.payerNote", Transaction::payerNote),
                Column.integer("tx.batch", Transaction::batchNumber),
                Column.money("tx.refunded", Transaction::refunded),
                // a voided sale stays APPROVED (as in the API) and says here that it was voided
                Column.code("tx.voided", Transaction::voided, "voided."),
                Column.text("tx.original", Transaction::originalTransactionId),
                Column.text("tx.link", Transaction::linkId),
                // [T2][T3] what it means for the merchant's account (empty for declined ones and voids)
                Column.money("tx.baseAmount", Transaction::baseAmount),
                Column.money("tx.installmentCost", Transaction::installmentCost),
                Column.money("tx.commission", t -> t.settlement() == null ? null : t.settlement().commission()),
                Column.money("tx.commissionTax", t -> t.settlement() == null ? null : t.settlement().commissionTax()),
                Column.money("tx.net", t -> t.settlement() == null ? null : t.settlement().net()),
                Column.date("tx.valueDate", t -> t.settlement() == null ? null : t.settlement().valueDate()));
    }

    /** [T4] «Hesap Özeti»: a row per value date, currency (and, for the bank, merchant). */
    static List<Column<Settlements.Day>> settlements() {
        return List.of(
                Column.date("settlement.valueDate", Settlements.Day::valueDate),
                Column.text("settlement.merchant", Settlements.Day::merchantId),
                Column.text("links.col.currency", day -> day.currency().name()),
                Column.integer("settlement.count", Settlements.Day::count),
                Column.money("settlement.sales", Settlements.Day::sales),
                Column.money("settlement.refunds", Settlements.Day::refunds),
                Column.money("tx.commission", Settlements.Day::commission),
                Column.money("tx.commissionTax", Settlements.Day::commissionTax),
                Column.money("tx.net", Settlements.Day::net));
    }
}

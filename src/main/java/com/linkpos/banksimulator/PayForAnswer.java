package com.linkpos.banksimulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer of the simulated PayFor API, before it is written for its transport (XML on
 * XMLGate.aspx, {@code Key=Value;;} on Default.aspx): its fields in order, or the rows of a
 * transaction history report.
 */
final class PayForAnswer {

    /** One transaction of a history report: its PaymentRequest fields and its batch. */
    record HistoryRow(Map<String, String> paymentRequest, boolean batchClosed, String settlementDate) {
    }

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<HistoryRow> history;

    private PayForAnswer(List<HistoryRow> history) {
        this.history = history;
    }

    /** The shape of every transaction answer; {@code transId} is the order the request was about. */
    static PayForAnswer of(PayForCode code, String transId) {
        return of(code.code, code.message, transId);
    }

    static PayForAnswer of(String code, String message, String transId) {
        PayForAnswer answer = new PayForAnswer(null);
        answer.fields.put("AuthCode", "");
        answer.fields.put("HostRefNum", "");
        answer.fields.put("ProcReturnCode", code);
        answer.fields.put("TransId", transId == null ? "" : transId);
        answer.fields.put("ErrMsg", message);
        return answer;
    }

    /** A refusal that names the field at fault in its message. */
    static PayForAnswer wrong(PayForCode code, String field, String transId) {
        return of(code.code, code.message + ": " + field, transId);
    }

    static PayForAnswer history(List<HistoryRow> rows) {
        return new PayForAnswer(List.copyOf(rows));
    }

    PayForAnswer with(String name, String value) {
        fields.put(name, value == null ? "" : value);
        return this;
    }

    String procReturnCode() {
        return fields.getOrDefault("ProcReturnCode", "");
    }

    Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    boolean isHistory() {
        return history != null;
    }

    List<HistoryRow> historyRows() {
        return history;
    }
}

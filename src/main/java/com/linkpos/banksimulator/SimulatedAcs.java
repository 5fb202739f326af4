package com.linkpos.banksimulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated issuer's 3-D Secure page behind the PayFor gateway (its ACS): the code 123456
 * authenticates, a wrong code may be tried again, the third wrong one fails, and a card the issuer
 * fails (THREE_DS_FAIL) fails whatever the code. The answer is written once in the books; asking
 * again shows the same answer. Everything it needs is in the database, so any instance serves it.
 */
@Component
class PayForAcs {

    static final String OTP = "123456";
    static final int TRIES = 3;

    /** Where a challenge stands. */
    sealed interface State permits Waiting, Answered {
    }

    /** What the payer's code led to. */
    sealed interface Result permits Retry, Answered {
    }

    /** A wrong code; the payer may try again. */
    record Retry(ThreeDRequest request, PayForTerminal terminal, int triesLeft) implements Result {
    }

    /** The challenge is answered (now or before): the callback goes to the merchant. */
    record Answered(String url, Map<String, String> fields) implements Result, State {
    }

    /** A challenge still waiting for the payer's code. */
    record Waiting(ThreeDRequest request, PayForTerminal terminal) implements State {
    }

    private final SimulatorBooks books;
    private final PayForTerminals terminals;
    private final SimulatedIssuer issuer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration ttl;

    PayForAcs(SimulatorBooks books, PayForTerminals terminals, SimulatedIssuer issuer, TransactionTemplate transaction,
              Clock clock, SimulatorSettings settings) {
        this.books = books;
        this.terminals = terminals;
        this.issuer = issuer;
        this.transaction = transaction;
        this.clock = clock;
        this.ttl = settings.payfor().challengeTtl();
    }

    /**
     * The challenge behind a RequestGuid: waiting for the code, or already answered (a challenge left
     * unanswered past its time is answered now, as timed out). Empty when the bank knows no such
     * challenge (or a newer post of the same order replaced it).
     */
    Optional<State> open(String requestGuid) {
        Optional<ThreeDRequest> found = books.find(PayForMpi.GATEWAY, requestGuid);
        if (found.isEmpty() || found.get().status() == ThreeDRequest.Status.SUPERSEDED) {
            return Optional.empty();
        }
        ThreeDRequest request = found.get();
        Optional<PayForTerminal> terminal = terminals.byMerchantId(request.merchantNo());
        if (terminal.isEmpty()) {
            return Optional.empty();
        }
        if (request.status() == ThreeDRequest.Status.CHALLENGE) {
            if (clock.instant().isAfter(request.createdAt().plus(ttl))) {
                return Optional.of(fail(request, terminal.get(), "zaman aşımı"));
            }
            return Optional.of(new Waiting(request, terminal.get()));
        }
        return Optional.of(callback(request, terminal.get()));
    }

    /** The payer's code; empty when the bank knows no such challenge. */
    Optional<Result> answer(String requestGuid, String otp) {
        Optional<State> opened = open(requestGuid);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        if (opened.get() instanceof Answered answered) {
            return Optional.of(answered);
        }
        Waiting waiting = (Waiting) opened.get();
        ThreeDRequest request = waiting.request();
        PayForTerminal terminal = waiting.terminal();
        if (request.outcome().kind() == IssuerOutcome.Kind.THREE_DS_FAIL) {
            return Optional.of(fail(request, terminal, null));
        }
        if (OTP.equals(otp)) {
            return Optional.of(authenticate(request, terminal));
        }
        Optional<Integer> wrong = books.countWrongCode(requestGuid);
        if (wrong.isEmpty()) {
            return answer(requestGuid, otp); // answered meanwhile: show that answer
        }
        if (wrong.get() < TRIES) {
            return Optional.of(new Retry(request, terminal, TRIES - wrong.get()));
        }
        return Optional.of(fail(request, terminal, null));
    }

    private Answered authenticate(ThreeDRequest request, PayForTerminal terminal) {
        Answered answered = transaction.execute(status -> {
            Instant now = clock.instant();
            int batch = books.openBatch(PayForMpi.GATEWAY, request.merchantNo(), now);
            boolean pays = "3DPay".equals(request.order().secureType());
            // 3DPay: the bank charges the card at once and the callback carries the sale's answer
            SimulatedIssuer.Authorization sale = pays ? issuer.authorize(request.outcome()) : null;
            ThreeDRequest.Answer answer = new ThreeDRequest.Answer("1",
                    pays ? sale.code() : PayForCode.THREE_D_AUTHENTICATED.code,
                    pays ? sale.message() : PayForCode.THREE_D_AUTHENTICATED.message, request.card().fullEci(),
                    SimulatedIssuer.randomBase64(20), SimulatedIssuer.randomBase64(20), SimulatedIssuer.randomBase64(64),
                    PayForCallback.responseRnd(), batch, now);
            if (!books.answer(request.requestGuid(), ThreeDRequest.Status.CHALLENGE, ThreeDRequest.Status.AUTHENTICATED, answer)) {
                return null; // another request answered first
            }
            if (pays) {
                books.record(PayForMpi.GATEWAY, request.merchantNo(), request.sale(sale, batch, now));
            }
            return callback(request.answered(ThreeDRequest.Status.AUTHENTICATED, answer), terminal);
        });
        return answered != null ? answered : again(request.requestGuid());
    }

    private Answered fail(ThreeDRequest request, PayForTerminal terminal, String why) {
        Instant now = clock.instant();
        ThreeDRequest.Answer answer = new ThreeDRequest.Answer("-1", PayForCode.THREE_D_FAILED.code,
                why == null ? PayForCode.THREE_D_FAILED.message : PayForCode.THREE_D_FAILED.message + " (" + why + ")",
                "", "", "", "", PayForCallback.responseRnd(), 0, now);
        if (!books.answer(request.requestGuid(), ThreeDRequest.Status.CHALLENGE, ThreeDRequest.Status.FAILED, answer)) {
            return again(request.requestGuid());
        }
        return callback(request.answered(ThreeDRequest.Status.FAILED, answer), terminal);
    }

    /** The answer another request wrote first. */
    private Answered again(String requestGuid) {
        return (Answered) open(requestGuid).filter(Answered.class::isInstance).orElseThrow(
                () -> new IllegalStateException("the challenge " + requestGuid + " was answered but cannot be read"));
    }

    private Answered callback(ThreeDRequest request, PayForTerminal terminal) {
        PayForCallback.Sale sale = "3DPay".equals(request.order().secureType())
                ? books.saleOfRequest(PayForMpi.GATEWAY, request.requestGuid())
                        .map(booked -> new PayForCallback.Sale(booked.authCode(), booked.hostRefNum()))
                        .orElse(PayForCallback.Sale.NONE)
                : PayForCallback.Sale.NONE;
        return new Answered(PayForCallback.target(request.order(), request.answer()), PayForCallback.fields(terminal,
                request.requestGuid(), request.order(), request.card(), request.answer(), sale, PayForHash.Digest.SHA1));
    }
}

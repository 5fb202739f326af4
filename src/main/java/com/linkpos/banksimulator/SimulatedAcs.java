package com.linkpos.banksimulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated issuer's 3-D Secure page (its ACS), behind every simulated gateway: the code 123456
 * authenticates, a wrong code may be tried again, the third wrong one fails, and a card the issuer
 * fails (THREE_DS_FAIL) fails whatever the code. The answer is written once in the books; asking
 * again shows the same answer. Everything it needs is in the database, so any instance serves it.
 */
@Component
class SimulatedAcs {

    static final String OTP = "123456";
    static final int TRIES = 3;

    /** Where a challenge stands. */
    sealed interface State permits Waiting, Answered {
    }

    /** What the payer's code led to. */
    sealed interface Result permits Retry, Answered {
    }

    /** A wrong code; the payer may try again. */
    record Retry(ThreeDRequest request, String merchantName, int triesLeft) implements Result {
    }

    /** The challenge is answered (now or before): the callback goes to the merchant. */
    record Answered(String url, Map<String, String> fields) implements Result, State, ThreeDServer.Step {
    }

    /** A challenge still waiting for the payer's code. */
    record Waiting(ThreeDRequest request, String merchantName) implements State {
    }

    private final SimulatorBooks books;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration ttl;

    SimulatedAcs(SimulatorBooks books, TransactionTemplate transaction, Clock clock, SimulatorSettings settings) {
        this.books = books;
        this.transaction = transaction;
        this.clock = clock;
        this.ttl = settings.challengeTtl();
    }

    /**
     * The challenge behind a request id: waiting for the code, or already answered (a challenge left
     * unanswered past its time is answered now, as timed out). Empty when the bank knows no such
     * challenge (or a newer post of the same order replaced it).
     */
    Optional<State> open(ThreeDServer server, String requestGuid) {
        Optional<ThreeDRequest> found = books.find(server.gateway(), requestGuid);
        if (found.isEmpty() || found.get().status() == ThreeDRequest.Status.SUPERSEDED) {
            return Optional.empty();
        }
        ThreeDRequest request = found.get();
        Optional<String> merchantName = server.merchantName(request.merchantNo());
        if (merchantName.isEmpty()) {
            return Optional.empty();
        }
        if (request.status() == ThreeDRequest.Status.CHALLENGE) {
            if (clock.instant().isAfter(request.createdAt().plus(ttl))) {
                return Optional.of(fail(server, request, "zaman aşımı"));
            }
            return Optional.of(new Waiting(request, merchantName.get()));
        }
        return Optional.of(server.callback(request));
    }

    /** The payer's code; empty when the bank knows no such challenge. */
    Optional<Result> answer(ThreeDServer server, String requestGuid, String otp) {
        Optional<State> opened = open(server, requestGuid);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        if (opened.get() instanceof Answered answered) {
            return Optional.of(answered);
        }
        Waiting waiting = (Waiting) opened.get();
        ThreeDRequest request = waiting.request();
        if (request.outcome().kind() == IssuerOutcome.Kind.THREE_DS_FAIL) {
            return Optional.of(fail(server, request, null));
        }
        if (OTP.equals(otp)) {
            return Optional.of(authenticate(server, request));
        }
        Optional<Integer> wrong = books.countWrongCode(requestGuid);
        if (wrong.isEmpty()) {
            return answer(server, requestGuid, otp); // answered meanwhile: show that answer
        }
        if (wrong.get() < TRIES) {
            return Optional.of(new Retry(request, waiting.merchantName(), TRIES - wrong.get()));
        }
        return Optional.of(fail(server, request, null));
    }

    private Answered authenticate(ThreeDServer server, ThreeDRequest request) {
        Answered answered = transaction.execute(status -> {
            Instant now = clock.instant();
            int batch = books.openBatch(server.gateway(), request.merchantNo(), now);
            ThreeDServer.Authentication authentication = server.authenticated(request, batch, now);
            if (!books.answer(request.requestGuid(), ThreeDRequest.Status.CHALLENGE, ThreeDRequest.Status.AUTHENTICATED,
                    authentication.answer())) {
                return null; // another request answered first
            }
            if (authentication.sale() != null) {
                books.record(server.gateway(), request.merchantNo(), authentication.sale());
            }
            return server.callback(request.answered(ThreeDRequest.Status.AUTHENTICATED, authentication.answer()));
        });
        return answered != null ? answered : again(server, request.requestGuid());
    }

    private Answered fail(ThreeDServer server, ThreeDRequest request, String why) {
        ThreeDRequest.Answer answer = server.failed(request, why, clock.instant());
        if (!books.answer(request.requestGuid(), ThreeDRequest.Status.CHALLENGE, ThreeDRequest.Status.FAILED, answer)) {
            return again(server, request.requestGuid());
        }
        return server.callback(request.answered(ThreeDRequest.Status.FAILED, answer));
    }

    /** The answer another request wrote first. */
    private Answered again(ThreeDServer server, String requestGuid) {
        return (Answered) open(server, requestGuid).filter(Answered.class::isInstance).orElseThrow(
                () -> new IllegalStateException("the challenge " + requestGuid + " was answered but cannot be read"));
    }
}

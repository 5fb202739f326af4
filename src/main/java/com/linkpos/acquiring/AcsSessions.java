package com.linkpos.acquiring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The simulated bank's memory of cards between enrolment and authorization: the only place a card
 * number lives after the payer's request, for minutes at most, and never in a database [P7].
 */
@Component
class AcsSessions {

    /** One 3-D Secure challenge: the card the bank holds, and, once answered, the ACS's verdict. */
    static final class Session {
        final String xid;
        final Acquirer.EnrollmentRequest request;
        final CardInfo card;
        final TestCards.Outcome outcome;
        final Instant expiresAt;
        volatile Acquirer.ThreeDSecureResult result;

        Session(String xid, Acquirer.EnrollmentRequest request, CardInfo card, TestCards.Outcome outcome, Instant expiresAt) {
            this.xid = xid;
            this.request = request;
            this.card = card;
            this.outcome = outcome;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    AcsSessions(Clock clock, @Value("${linkpos.simulator.session-ttl:10m}") Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    Session open(String xid, Acquirer.EnrollmentRequest request, CardInfo card, TestCards.Outcome outcome) {
        Session session = new Session(xid, request, card, outcome, clock.instant().plus(ttl));
        sessions.put(xid, session);
        return session;
    }

    Optional<Session> find(String xid) {
        Session session = xid == null ? null : sessions.get(xid);
        if (session == null || clock.instant().isAfter(session.expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Takes the session out: after authorization the bank forgets the card. */
    Optional<Session> take(String xid) {
        Session session = xid == null ? null : sessions.remove(xid);
        if (session == null || clock.instant().isAfter(session.expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    @Scheduled(fixedDelayString = "${linkpos.simulator.session-sweep:60s}")
    void forgetExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> now.isAfter(session.expiresAt));
    }
}

package com.linkpos.banksimulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.CardInfo;
import com.linkpos.acquiring.Payment;
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
        final Payment payment;
        final CardDetails card;
        final CardInfo info;
        final TestCards.Outcome outcome;
        final Instant expiresAt;
        volatile Map<String, String> answer;

        Session(String xid, Payment payment, CardDetails card, CardInfo info, TestCards.Outcome outcome, Instant expiresAt) {
            this.xid = xid;
            this.payment = payment;
            this.card = card;
            this.info = info;
            this.outcome = outcome;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    AcsSessions(Clock clock, SimulatorSettings settings) {
        this.clock = clock;
        this.ttl = settings.sessionTtl();
    }

    Session open(String xid, Payment payment, CardDetails card, CardInfo info, TestCards.Outcome outcome) {
        Session session = new Session(xid, payment, card, info, outcome, clock.instant().plus(ttl));
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

    @Scheduled(fixedDelay = 60_000)
    void forgetExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> now.isAfter(session.expiresAt));
    }
}

package com.linkpos.banksimulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;

/**
 * A simulated gateway's 3-D server (its MPI) as the issuer's challenge page sees it: the challenge is
 * the same behind every gateway ({@link SimulatedAcs}), what the answer says and how it reaches the
 * merchant is the gateway's protocol.
 */
interface ThreeDServer {

    /** The books' name of the gateway: PAYFOR, EST. */
    String gateway();

    /** The merchant's name the challenge page shows; empty when the bank no longer knows the terminal. */
    Optional<String> merchantName(String merchantNo);

    /** The answer to a payer who authenticated, and the sale the bank made at once (PayFor 3DPay), if any. */
    Authentication authenticated(ThreeDRequest request, int batchNo, Instant now);

    /** The answer to a failed challenge ({@code why}: a detail such as a timeout, or null). */
    ThreeDRequest.Answer failed(ThreeDRequest request, String why, Instant now);

    /** The answered request as the form the payer's browser posts to the merchant. */
    SimulatedAcs.Answered callback(ThreeDRequest answered);

    /** Where a 3-D form leads: the challenge, a callback at once (a refusal, a card not enrolled), or the bank's own error page. */
    sealed interface Step permits Challenge, SimulatedAcs.Answered, Refused {
    }

    /** The ACS page, for the payer to type the code. */
    record Challenge(ThreeDRequest request, String merchantName) implements Step {
    }

    /** A refusal with nowhere to send it (an unknown terminal, no usable return address): a page of the bank's own. */
    record Refused(String code, String message) implements Step {
    }

    record Authentication(ThreeDRequest.Answer answer, SimulatorBooks.Entry sale) {
    }

    /** Whether a merchant's return address is an absolute http(s) URL the payer's browser can be sent to. */
    static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}

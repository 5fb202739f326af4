package com.linkpos.merchant;

import java.time.Instant;

/** What an authenticator app shows for the secret an enrolment page showed (for tests outside this package). */
public final class TotpCodes {

    private TotpCodes() {
    }

    /** The code of this 30-second step. */
    public static String now(String shownSecret) {
        return Totp.code(Totp.fromBase32(shownSecret.replace(" ", "")), Instant.now(), 6);
    }

    /**
     * The code of the next step, which LinkPOS still accepts now (a clock a step apart): a second login right
     * after the first needs a code the first has not used.
     */
    public static String next(String shownSecret) {
        return Totp.code(Totp.fromBase32(shownSecret.replace(" ", "")), Instant.now().plus(Totp.STEP), 6);
    }
}

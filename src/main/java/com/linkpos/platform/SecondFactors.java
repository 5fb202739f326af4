package com.linkpos.platform;

/**
 * [S1] What a portal login needs after the password, answered by the module that keeps the users: nothing,
 * the user's code (TOTP or a recovery code), or first an enrolment (the bank requires a second factor the
 * user has not set up).
 */
public interface SecondFactors {

    enum Step { NONE, CODE, ENROL }

    Step afterPassword(String username);

    /** Whether {@code code} is the user's current TOTP code (never one used before) or an unused recovery code. */
    boolean accepts(String username, String code);
}

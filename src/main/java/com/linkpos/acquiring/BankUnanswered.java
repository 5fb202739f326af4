package com.linkpos.acquiring;

/**
 * A bank gateway gave no answer that can be read (a timeout, a broken connection, an HTTP error, an
 * HTML page or malformed XML where its protocol was expected): its outcome is unknown, nothing may be
 * taken from it, and a payment asks the bank again by inquiry. The message names what failed, never
 * what was sent (card data, passwords).
 */
public final class BankUnanswered extends RuntimeException {

    public BankUnanswered(String what, Throwable cause) {
        super(what, cause, false, false);
    }
}

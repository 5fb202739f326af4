package com.linkpos.link;

/** The answer to checkout's "may this attempt be authorized against the link now?" [P6]. */
public enum PaymentClaim {
    /** Go ahead: for a single-use link, no other attempt may proceed until this one ends. */
    CLAIMED,
    /** Another attempt is being authorized right now; its outcome decides. */
    HELD_BY_ANOTHER,
    /** A single-use link that has been paid. */
    USED,
    /** Deleted, expired or not yet valid. */
    UNAVAILABLE,
    /** The merchant changed what is to be paid since the payer saw it. */
    CHANGED
}

package com.linkpos.acquiring;

import java.util.Map;

/** What the bank's 3-D Secure answer, posted back through the payer's browser, says. */
public sealed interface Verdict {

    /**
     * [P3] Fully authenticated (mdStatus 1 / 3DStatus 1): the provision may go ahead, with what the
     * gateway needs for it (PayFor's RequestGuid, EST's md, xid, eci and cavv).
     */
    record Authenticated(String mdStatus, String eci, String cavv, Map<String, String> forProvision) implements Verdict {
    }

    /**
     * The bank says the payer was not authenticated: no provision; the payment is declined. {@code mdStatus}
     * in the 3-D Secure MPI's words whatever the gateway's (API.md): 0 failed, 2-4 an attempt only (the
     * card or its issuer not enrolled), 5-8 the issuer or the MPI could not authenticate.
     */
    record NotAuthenticated(String mdStatus, String code, String message) implements Verdict {
    }

    /** An answer LinkPOS cannot trust: a bad signature, or another order, amount or currency. Changes nothing. */
    record Untrusted(String reason) implements Verdict {
    }
}

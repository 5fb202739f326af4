/**
 * QNB Finansbank's PayFor virtual POS over the wire [A1]-[A7] (docs/VPOS.md part A): the 3DModel form
 * and its hash, the callback's checks, the provision, void, refund, order inquiry and batch close on
 * XMLGate, and PayFor's codes as LinkPOS's. One acquirer among equals behind the acquiring port.
 */
@ApplicationModule(allowedDependencies = {"acquiring", "platform", "shared"})
package com.linkpos.payfor;

import org.springframework.modulith.ApplicationModule;

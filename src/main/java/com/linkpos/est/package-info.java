/**
 * Asseco's EST v3 (Nestpay) virtual POS over the wire [A1]-[A7] (docs/VPOS.md part B): the gateway of
 * İşbank, Halkbank, TEB, Şekerbank, Ziraat, QNB's EST gateway and Akbank's older merchants. Model
 * {@code 3d} with the ver3 hash: the 3-D form, the callback's checks, the provision, void, credit and
 * order status on the XML API, EST's codes as LinkPOS's, and the banks' presets. One acquirer among
 * equals behind the acquiring port.
 */
@ApplicationModule(allowedDependencies = {"acquiring", "platform", "shared"})
package com.linkpos.est;

import org.springframework.modulith.ApplicationModule;

/**
 * The payment link [L*][M*]: its rules, the single-use claim [P6], its portal pages and API;
 * publishes LinkToBeSent; asks LinkDeliveries for its messages.
 */
@ApplicationModule(allowedDependencies = {"audit", "merchant", "transaction", "acquiring", "platform", "pricing", "shared"})
package com.linkpos.link;

import org.springframework.modulith.ApplicationModule;

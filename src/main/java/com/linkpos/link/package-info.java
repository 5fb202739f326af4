/**
 * The payment link [L*][M*]: its rules, the single-use claim [P6], its portal pages and API;
 * publishes LinkToBeSent; asks LinkDeliveries for its messages.
 */
@ApplicationModule(allowedDependencies = {"merchant", "transaction", "acquiring", "platform", "shared"})
package com.linkpos.link;

import org.springframework.modulith.ApplicationModule;

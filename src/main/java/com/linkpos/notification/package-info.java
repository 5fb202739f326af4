/**
 * SMS and e-mail [N*]: the outbox, its sender and channels; reacts to LinkToBeSent and
 * PaymentApproved; answers LinkDeliveries.
 */
@ApplicationModule(allowedDependencies = {"audit", "link", "checkout", "merchant", "transaction", "platform", "shared"})
package com.linkpos.notification;

import org.springframework.modulith.ApplicationModule;

/**
 * The hosted payment page [P*]: card checks, payment attempts and their states, the 3-D Secure
 * round trip through the merchant's acquirer, the fraud rules' refusals [S4], recovery; publishes PaymentApproved, PaymentDeclined
 * and LinkUsed.
 */
@ApplicationModule(allowedDependencies = {"link", "acquiring", "transaction", "merchant", "platform", "pricing", "fraud", "shared"})
package com.linkpos.checkout;

import org.springframework.modulith.ApplicationModule;

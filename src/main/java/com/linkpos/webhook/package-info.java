/**
 * Merchants' webhook endpoints and signed deliveries [R5]; reacts to payments, link use, voids and
 * refunds.
 */
@ApplicationModule(allowedDependencies = {"audit", "checkout", "transaction", "platform", "shared"})
package com.linkpos.webhook;

import org.springframework.modulith.ApplicationModule;

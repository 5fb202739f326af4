/**
 * Merchants and what the bank allows them (and refuses their payers' cards: fraud rules [S4]), portal users and roles, API keys; the bank's merchant
 * pages and admin API; first-start bootstrap.
 */
@ApplicationModule(allowedDependencies = {"acquiring", "audit", "fraud", "platform", "pricing", "shared"})
package com.linkpos.merchant;

import org.springframework.modulith.ApplicationModule;

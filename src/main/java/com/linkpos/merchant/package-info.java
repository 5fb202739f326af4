/**
 * Merchants and what the bank allows them, portal users and roles, API keys; the bank's merchant
 * pages and admin API; first-start bootstrap.
 */
@ApplicationModule(allowedDependencies = {"audit", "acquiring", "platform", "pricing", "shared"})
package com.linkpos.merchant;

import org.springframework.modulith.ApplicationModule;

/**
 * [S4] Fraud rules, the bank's for every merchant and each merchant's own: blocked BINs, card countries
 * and issuer programs, and how many payment attempts an hour a card (by its keyed fingerprint, never its
 * number), a payer address and a link may make. The rules are plain Java ({@link com.linkpos.fraud.FraudRules}),
 * tested without Spring; checkout asks them before a card goes to 3-D Secure and records what they refuse.
 */
@ApplicationModule(allowedDependencies = {"audit", "platform", "shared"})
package com.linkpos.fraud;

import org.springframework.modulith.ApplicationModule;

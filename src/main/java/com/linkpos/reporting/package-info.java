/**
 * İşlem Arama, LinkPOS Raporu, the dashboard and the streaming exports [R1][R2][M2]: a read side
 * over the ledger and the links.
 */
@ApplicationModule(allowedDependencies = {"link", "merchant", "pricing", "transaction", "platform", "shared"})
package com.linkpos.reporting;

import org.springframework.modulith.ApplicationModule;

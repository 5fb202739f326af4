/**
 * The ledger of SALE, VOID and REFUND, void and refund through the acquirer [R3][A5], end-of-day
 * batches [R4] (the bank's page names merchants through the merchant module); publishes SaleVoided and
 * SaleRefunded.
 */
@ApplicationModule(allowedDependencies = {"audit", "acquiring", "merchant", "platform", "pricing", "shared"})
package com.linkpos.transaction;

import org.springframework.modulith.ApplicationModule;

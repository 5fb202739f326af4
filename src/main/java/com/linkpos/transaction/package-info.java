/**
 * The ledger of SALE, VOID and REFUND, void and refund through the acquirer [R3][A5], end-of-day
 * batches [R4]; publishes SaleVoided and SaleRefunded.
 */
@ApplicationModule(allowedDependencies = {"acquiring", "platform", "shared"})
package com.linkpos.transaction;

import org.springframework.modulith.ApplicationModule;

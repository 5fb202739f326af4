/**
 * The ledger of SALE, VOID and REFUND, void and refund through the acquirer [R3][A5], end-of-day
 * batches [R4] (the bank's page names merchants through the merchant module); publishes SaleVoided and
 * SaleRefunded. Four eyes on refunds [S3]: refund requests above the merchant's amount, approved by a second
 * admin; their changes are written to the audit log [S2].
 */
@ApplicationModule(allowedDependencies = {"acquiring", "audit", "merchant", "platform", "pricing", "shared"})
package com.linkpos.transaction;

import org.springframework.modulith.ApplicationModule;

/**
 * The acquirer port [B2][A1]-[A7]: what a bank gateway does for LinkPOS (Acquirer, BrowserStep,
 * Verdict, BankAnswer), the registry that gives each merchant its acquirer (Acquirers), the BIN
 * table and the installment policy.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared"})
package com.linkpos.acquiring;

import org.springframework.modulith.ApplicationModule;

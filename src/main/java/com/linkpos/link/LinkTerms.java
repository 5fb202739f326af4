package com.linkpos.link;

import com.linkpos.shared.Money;
import java.time.Instant;

/** A link's terms after every rule has passed; {@code orderNumber} null means "assign one". */
record LinkTerms(String orderNumber, Money amount, int installments, Instant validFrom, Instant validUntil,
                 LinkUsage usage, String description, boolean payerNoteEnabled, String sms, String email,
                 String returnUrl, InstallmentTerms installmentTerms, Integer maxPayments,
                 java.time.Duration reminderBefore, OpenAmount openAmount, boolean preAuthorization) {
}

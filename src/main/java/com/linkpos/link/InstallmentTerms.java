package com.linkpos.link;

import com.linkpos.pricing.CostBearer;

/**
 * [T1][T2] How a link's installments are offered: a fixed count, or the payer's choice of 1 to the link's
 * count ({@code payerChooses}); and who bears the vade farkı of an installment payment.
 */
public record InstallmentTerms(boolean payerChooses, CostBearer costBorneBy) implements java.io.Serializable {

    public static final InstallmentTerms FIXED = new InstallmentTerms(false, CostBearer.MERCHANT);
}

package com.linkpos.pricing;

/** [T2] Who bears the vade farkı of an installment sale: the merchant (the payer pays the link's amount) or the payer. */
public enum CostBearer {
    MERCHANT,
    PAYER
}

package com.linkpos.link;

import com.linkpos.shared.Money;

/**
 * [X4] A link whose payer types the amount: anything from {@code min} to {@code max}, in TRY. The link's
 * {@code amount} is then its {@code max}, the most one payment can bring, so every guard that counts a
 * link's amount (the collected total [L3], the usage cap [X5]) stays on the safe side.
 */
public record OpenAmount(Money min, Money max) implements java.io.Serializable {

    public boolean allows(Money amount) {
        return amount.currency() == min.currency() && amount.minor() >= min.minor() && amount.minor() <= max.minor();
    }
}

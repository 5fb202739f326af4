package com.linkpos.merchant;

/** Published once, on the first start, when the demo merchant is created: other modules add demo data. */
public record DemoMerchantCreated(String merchantId) {
}

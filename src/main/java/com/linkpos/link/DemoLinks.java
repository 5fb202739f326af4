package com.linkpos.link;

import com.linkpos.platform.Caller;
import com.linkpos.merchant.DemoMerchantCreated;
import com.linkpos.platform.Role;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A few links for the demo merchant, so the portal has something to show on first start. */
@Component
class DemoLinks {

    private final Links links;

    DemoLinks(Links links) {
        this.links = links;
    }

    @EventListener
    void on(DemoMerchantCreated event) {
        Caller demo = new Caller(event.merchantId(), Role.MERCHANT_ADMIN, "demo");
        Instant now = links.now();
        Duration month = Duration.ofDays(30).compareTo(links.maxValidity()) <= 0 ? Duration.ofDays(30) : links.maxValidity();
        Duration week = Duration.ofDays(7).compareTo(links.maxValidity()) <= 0 ? Duration.ofDays(7) : links.maxValidity();
        links.create(demo, new LinkInput("SIP-1001", "1250.50", "TRY", 1, null, null, "SINGLE",
                "Kasım ayı faturası", true, null, null, null, null, null, null, null, null, null, null));
        links.create(demo, new LinkInput("SIP-1002", "18900.00", "TRY", 6, null, now.plus(week), "SINGLE",
                "Toptan kumaş siparişi — 6 taksite kadar, taksit sayısını ödeyen seçer", false, null, null, null, true, "MERCHANT", null, null, null, null, null));
        links.create(demo, new LinkInput("BAGIS-2026", "250.00", "TRY", 1, null, now.plus(month), "MULTI",
                "Kermes katılım bedeli (çok kullanımlık, en çok 200 katılımcı)", true, null, null, null, null, null, 200, "PT24H", null, null, null));
        links.create(demo, new LinkInput("EXP-USD-7", "480.00", "USD", 1, now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3)), "SINGLE", "Export order, payable from tomorrow", false, null, null, null, null, null, null, null, null, null, null));
        links.create(demo, new LinkInput("DESTEK-2026", null, "TRY", 1, null, now.plus(month), "MULTI",
                "Dernek bağışı — tutarı siz belirleyin (10 TL ile 5.000 TL arası)", false, null, null, null, null, null, null,
                null, "10.00", "5000.00", null));
        links.create(demo, new LinkInput("OTEL-4711", "3000.00", "TRY", 1, null, now.plus(week), "SINGLE",
                "Otel konaklama teminatı — ön provizyon, çıkışta kesinleşir", false, null, null, null, null, null, null,
                null, null, null, true));
    }
}

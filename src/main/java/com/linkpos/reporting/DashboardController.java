package com.linkpos.reporting;

import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.Caller;
import com.linkpos.shared.BusinessTime;
import com.linkpos.transaction.TransactionSearch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The merchant's dashboard: today's and this month's collections, 30 days of lira, expiring links, recent payments. */
@Controller
class DashboardController implements WebAccess {

    static final int CHART_DAYS = 30;

    private final Dashboard dashboard;
    private final TransactionSearch transactions;
    private final Clock clock;

    DashboardController(Dashboard dashboard, TransactionSearch transactions, Clock clock) {
        this.dashboard = dashboard;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void portal(PortalAccess access) {
        access.merchantUsers("/dashboard");
    }

    @GetMapping("/dashboard")
    String dashboard(Caller caller, Model model) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
        model.addAttribute("today", dashboard.totals(caller.merchantId(), today.atStartOfDay(BusinessTime.ZONE).toInstant()));
        model.addAttribute("month", dashboard.totals(caller.merchantId(),
                today.withDayOfMonth(1).atStartOfDay(BusinessTime.ZONE).toInstant()));
        model.addAttribute("bars", dashboard.chart(caller.merchantId(), today, CHART_DAYS));
        model.addAttribute("expiring", dashboard.expiringSoon(caller.merchantId(), now, now.plus(Duration.ofHours(48))));
        model.addAttribute("recent", transactions.recent(caller.merchantId(), 10));
        return "reporting/dashboard";
    }
}

package com.linkpos.reporting;

import com.linkpos.merchant.Caller;
import com.linkpos.shared.BusinessTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The merchant's dashboard: today's and this month's collections, 30 days of lira, expiring links, recent payments. */
@Controller
class DashboardController {

    static final int CHART_DAYS = 30;

    private final Dashboard dashboard;
    private final Clock clock;

    DashboardController(Dashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
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
        model.addAttribute("recent", dashboard.recent(caller.merchantId()));
        return "reporting/dashboard";
    }
}

package com.linkpos.checkout;

import com.linkpos.link.Link;
import com.linkpos.link.LinkStatus;
import com.linkpos.link.Links;
import com.linkpos.merchant.Merchants;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import jakarta.servlet.http.HttpServletResponse;

/**
 * [P1] The hosted payment page. Opening it changes nothing (an e-mail scanner may open it);
 * a link that cannot be paid says why and takes no card data.
 */
@Controller
class PaymentPageController {

    private final Links links;
    private final Merchants merchants;
    private final Clock clock;

    PaymentPageController(Links links, Merchants merchants, Clock clock) {
        this.links = links;
        this.merchants = merchants;
        this.clock = clock;
    }

    @GetMapping("/pay/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Link> found = links.findByToken(token);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("reason", "NOT_FOUND");
            return "checkout/unavailable";
        }
        Link link = found.get();
        LinkStatus status = link.status(clock.instant());
        model.addAttribute("link", link);
        model.addAttribute("merchantName", merchants.get(link.merchantId()).name());
        if (!status.isPayable()) {
            model.addAttribute("reason", status.name());
            return "checkout/unavailable";
        }
        return "checkout/pay";
    }
}

package com.linkpos.merchant;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The way into the portal: the login page, and the first page after it for each role. */
@Controller
class PortalController {

    @GetMapping("/login")
    String login() {
        return "merchant/login";
    }

    @GetMapping("/")
    String home(Caller caller) {
        return caller.isBank() ? "redirect:/bank/merchants" : "redirect:/dashboard";
    }

    /** Gives every portal page the caller and its merchant's name for the header. */
    @ControllerAdvice(assignableTypes = {}, annotations = org.springframework.stereotype.Controller.class)
    static class PortalModel {

        private final Merchants merchants;

        PortalModel(Merchants merchants) {
            this.merchants = merchants;
        }

        /** Not for the API: its controllers are @Controllers too, but render no page (a merchant read per call). */
        @ModelAttribute
        void addCaller(Model model, HttpServletRequest request) {
            Caller caller = CallerResolver.current();
            if (caller != null && !request.getRequestURI().startsWith("/api/")) {
                model.addAttribute("caller", caller);
                model.addAttribute("merchantName", caller.merchantId() == null ? null
                        : merchants.find(caller.merchantId()).map(Merchant::name).orElse(null));
            }
        }
    }
}

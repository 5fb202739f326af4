package com.linkpos.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** [B3] The help page: the guide's questions and answers, and the bank's support contacts (configuration). */
@Controller
class HelpController {

    /** linkpos.support.*: the defaults are the guide's. */
    @ConfigurationProperties("linkpos.support")
    record Support(String phone, String keys, String email) {
        Support {
            phone = phone == null ? "0850 222 1 900" : phone;
            keys = keys == null ? "2 → 3" : keys;
            email = email == null ? "sanalpos@qnbfinansbank.com" : email;
        }
    }

    private final Support support;

    HelpController(Support support) {
        this.support = support;
    }

    @GetMapping("/help")
    String help(Model model) {
        model.addAttribute("support", support);
        model.addAttribute("questions", java.util.List.of("installments", "cards", "limit", "secure", "abroad", "multi",
                "reports", "support"));
        return "platform/help";
    }
}

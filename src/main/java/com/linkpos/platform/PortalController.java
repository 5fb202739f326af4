package com.linkpos.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The way into the portal: the login page, and the first page after it for each role. */
@Controller
class PortalController {

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    @GetMapping("/")
    String home(Caller caller) {
        return caller.isBank() ? "redirect:/bank/merchants" : "redirect:/dashboard";
    }
}

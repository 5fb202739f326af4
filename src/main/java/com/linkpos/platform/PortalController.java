package com.linkpos.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

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

package com.linkpos.merchant;

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
        return "merchant/login";
    }

    @GetMapping("/")
    String home(Caller caller) {
        return caller.isBank() ? "redirect:/bank/merchants" : "redirect:/dashboard";
    }

    /**
     * Gives every page that is rendered for a signed-in user the caller and its merchant's name for the
     * header. After the handler, so only for pages: API answers, downloads and redirects render nothing
     * and read nothing. What a controller put in the model itself stays.
     */
    @Configuration(proxyBeanMethods = false)
    static class PortalModel implements WebMvcConfigurer, HandlerInterceptor {

        private final Merchants merchants;

        PortalModel(Merchants merchants) {
            this.merchants = merchants;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
            Caller caller = CallerResolver.current();
            if (caller == null || page == null || page.getView() instanceof RedirectView
                    || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
                return;
            }
            page.getModel().putIfAbsent("caller", caller);
            if (caller.merchantId() != null && !page.getModel().containsKey("merchantName")) {
                page.addObject("merchantName", merchants.find(caller.merchantId()).map(Merchant::name).orElse(null));
            }
        }
    }
}

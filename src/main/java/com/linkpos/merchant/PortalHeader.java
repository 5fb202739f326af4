package com.linkpos.merchant;

import com.linkpos.platform.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every page that is rendered for a signed-in user the caller and its merchant's name for the
 * header. After the handler, so only for pages: API answers, downloads and redirects render nothing
 * and read nothing. What a controller put in the model itself stays.
 */
@Configuration(proxyBeanMethods = false)
class PortalHeader implements WebMvcConfigurer, HandlerInterceptor {

    private final Merchants merchants;

    PortalHeader(Merchants merchants) {
        this.merchants = merchants;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        Caller caller = Caller.current().orElse(null);
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

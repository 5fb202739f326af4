package com.linkpos.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of a request: a choice made with the switch ({@code ?lang=en}) is kept in a cookie;
 * without one, the portal is Turkish, while the payment page and the API follow the browser's or
 * client's Accept-Language (a payer never chose anything).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("linkpos-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(LocaleConfiguration::defaultLocale);
        return resolver;
    }

    private static java.util.Locale defaultLocale(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/pay/") || path.startsWith("/api/") || path.startsWith("/simulator/")) {
            return Languages.fromAcceptLanguage(request);
        }
        return Languages.TURKISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            protected java.util.Locale parseLocaleValue(String localeValue) {
                return Languages.fromTag(localeValue);
            }
        };
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}

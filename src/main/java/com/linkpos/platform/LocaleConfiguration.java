package com.linkpos.platform;

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
    LocaleResolver localeResolver(OpenPages openPages) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("linkpos-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith("/api/") || openPages.contains(request)
                ? Languages.fromAcceptLanguage(request) : Languages.TURKISH);
        return resolver;
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

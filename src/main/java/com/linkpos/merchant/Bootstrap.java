package com.linkpos.merchant;

import com.linkpos.platform.Role;
import com.linkpos.merchant.Merchants.MerchantTerms;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Ids;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: the bank operator {@code bank}, a demo merchant with its admin {@code demo}, and the
 * bank API key when one is configured. Passwords come from the environment, or are random and
 * printed once. Later starts only apply passwords and keys that the environment gives.
 */
@Component
class Bootstrap implements ApplicationRunner {

    static final String BANK_USER = "bank";
    static final String DEMO_USER = "demo";
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    @ConfigurationProperties("linkpos.bootstrap")
    record Settings(String bankApiKey, String bankAdminPassword, String demoPassword, Boolean demoData) {
    }

    private final Settings settings;
    private final Users users;
    private final Merchants merchants;
    private final ApiKeys apiKeys;
    private final ApplicationEventPublisher events;

    Bootstrap(Settings settings, Users users, Merchants merchants, ApiKeys apiKeys, ApplicationEventPublisher events) {
        this.settings = settings;
        this.users = users;
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        requireStrong(settings.bankAdminPassword(), "LINKPOS_BANK_ADMIN_PASSWORD");
        requireStrong(settings.demoPassword(), "LINKPOS_DEMO_PASSWORD");
        if (given(settings.bankApiKey())) {
            // A new value replaces the old one: the previous bootstrap key stops working.
            apiKeys.ensureOnly(settings.bankApiKey(), Role.BANK_ADMIN, "bootstrap");
        }
        if (!users.exists(BANK_USER)) {
            String password = passwordOrRandom(settings.bankAdminPassword(), "bank operator", BANK_USER);
            users.create(null, BANK_USER, password, Role.BANK_ADMIN);
        } else if (given(settings.bankAdminPassword())) {
            users.setPassword(BANK_USER, settings.bankAdminPassword());
        }
        if (Boolean.FALSE.equals(settings.demoData())) {
            return;
        }
        if (!users.exists(DEMO_USER)) {
            String password = passwordOrRandom(settings.demoPassword(), "demo merchant admin", DEMO_USER);
            Merchant demo = merchants.create(new MerchantTerms("Demo Toptancı A.Ş.", "demo@linkpos.example",
                    EnumSet.of(Currency.USD, Currency.EUR), 12, true), DEMO_USER, password);
            events.publishEvent(new DemoMerchantCreated(demo.id()));
        } else if (given(settings.demoPassword())) {
            users.setPassword(DEMO_USER, settings.demoPassword());
        }
    }

    private static String passwordOrRandom(String configured, String who, String username) {
        if (given(configured)) {
            return configured;
        }
        String password = Ids.newSecret().substring(0, 20);
        log.warn("""

                ============================================================
                 LinkPOS created the {} user "{}".
                 Its password (shown only this once): {}
                ============================================================""", who, username, password);
        return password;
    }

    private static void requireStrong(String password, String variable) {
        if (given(password) && password.length() < Users.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(variable + " must have at least " + Users.MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}

package com.linkpos.merchant;

import com.linkpos.platform.PublicAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The start-up log's last line: where LinkPOS listens, and which of the first-start users exist. */
@Component
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final Users users;
    private final PublicAddress address;

    ReadyLine(Users users, PublicAddress address) {
        this.users = users;
        this.address = address;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String listening = "http://localhost:" + web.getWebServer().getPort() + "/";
        List<String> who = new ArrayList<>();
        if (users.exists(Bootstrap.BANK_USER)) {
            who.add(Bootstrap.BANK_USER + " (bank operator)");
        }
        if (users.exists(Bootstrap.DEMO_USER)) {
            who.add(Bootstrap.DEMO_USER + " (demo merchant's admin)");
        }
        log.info("LinkPOS is ready at {}{} — sign in as {}", listening,
                address.configured() ? " (payers reach it at " + address.base() + ")" : "",
                who.isEmpty() ? "a user the bank created" : String.join(" or ", who));
    }
}

package com.linkpos.link;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** [X2] Every half minute (linkpos.reminders.poll), the reminders that are due go out through the outbox. */
@Component
class LinkReminders {

    private static final Logger log = LoggerFactory.getLogger(LinkReminders.class);
    private final Links links;

    LinkReminders(Links links) {
        this.links = links;
    }

    @Scheduled(fixedDelayString = "${linkpos.reminders.poll:PT30S}", initialDelayString = "${linkpos.reminders.poll:PT30S}")
    void sendDue() {
        int sent;
        do {
            sent = links.sendDueReminders();
            if (sent > 0) {
                log.info("Reminders queued for {} link(s)", sent);
            }
        } while (sent == Links.REMINDERS_AT_ONCE);
    }
}

package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.merchant.Merchant;
import com.linkpos.merchant.Merchants;
import com.linkpos.platform.Caller;
import com.linkpos.platform.Role;
import com.linkpos.shared.Currency;
import com.linkpos.support.TestData;
import com.linkpos.support.TestDatabase;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;

/**
 * The link module with what it depends on, and nothing that reacts to it (no messages module): what it
 * publishes is the whole of what it asks of others.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"payfor", "platform"})
@ContextConfiguration(initializers = TestDatabase.class)
class LinkModuleTest {

    /** In the application the messages module answers what the link module asks it; here nobody has sent anything yet. */
    @TestConfiguration
    static class NoMessagesYet {
        @Bean
        LinkDeliveries deliveries() {
            return (merchantId, linkId) -> List.of();
        }
    }

    @Autowired
    Links links;
    @Autowired
    Merchants merchants;

    private Caller merchantAdmin() {
        Merchant merchant = merchants.create(new Merchants.MerchantTerms("Modül Mağazası", "shop@example.com",
                EnumSet.of(Currency.USD), 12, true), TestData.unique("admin"), "a-good-password-1");
        return new Caller(merchant.id(), Role.MERCHANT_ADMIN, "admin");
    }

    @Test
    void aLinkWithRecipientsAsksForItsMessages(Scenario scenario) {
        Caller caller = merchantAdmin();
        LinkInput input = new LinkInput(null, "1250.50", null, null, null, null, null, "Kasım faturası", null,
                "0532 123 45 67", "musteri@example.com", null, null, null, null, null, null, null, null);
        scenario.stimulate(() -> links.create(caller, input))
                .andWaitForEventOfType(LinkToBeSent.class)
                .toArriveAndVerify((event, link) -> {
                    assertThat(event.linkId()).isEqualTo(link.id());
                    assertThat(event.merchantName()).isEqualTo("Modül Mağazası");
                    assertThat(event.url()).endsWith("/pay/" + link.token());
                    assertThat(event.recipients()).extracting(LinkToBeSent.Recipient::channel, LinkToBeSent.Recipient::address)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(LinkToBeSent.Channel.SMS, "+905321234567"),
                                    org.assertj.core.groups.Tuple.tuple(LinkToBeSent.Channel.EMAIL, "musteri@example.com"));
                    assertThat(event.recipients()).allMatch(recipient -> recipient.messageId().startsWith("ntf_"));
                });
    }

    @Test
    void sendingAgainAnswersWithTheNewMessagesIds(Scenario scenario) {
        Caller caller = merchantAdmin();
        Link link = links.create(caller, new LinkInput(null, "10.00", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null));
        List<String>[] ids = new List[1];
        scenario.stimulate(() -> ids[0] = links.notify(caller, link.id(), null, "again@example.com"))
                .andWaitForEventOfType(LinkToBeSent.class)
                .toArriveAndVerify(event -> assertThat(event.recipients()).extracting(LinkToBeSent.Recipient::messageId)
                        .containsExactlyElementsOf(ids[0]));
    }
}

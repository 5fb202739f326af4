package com.linkpos.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where webhooks may go: public addresses over https, whatever a name resolves to. */
class WebhookAddressesTest {

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DNS of our own: names resolve only to what this table says. */
    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.shop.example", List.of("93.184.215.14"),
            "two-faced.example", List.of("93.184.215.14", "10.0.0.7"),
            "metadata.example", List.of("169.254.169.254"),
            "v6.shop.example", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c"));

    private final WebhookAddresses production = new WebhookAddresses(false, host -> {
        if (host.matches("[0-9.]+|.*:.*")) {
            return new InetAddress[] {ip(host)};
        }
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(WebhookAddressesTest::ip).toArray(InetAddress[]::new);
    });

    private WebhookAddresses.Refusal refusal(String url) {
        return production.refusal(URI.create(url));
    }

    @Test
    void publicHttpsIsAllowed() {
        assertThat(refusal("https://hooks.shop.example/linkpos")).isNull();
        assertThat(refusal("https://v6.shop.example/linkpos")).isNull();
        assertThat(refusal("https://93.184.215.14/")).isNull();
    }

    @Test
    void plainHttpIsNot() {
        assertThat(refusal("http://hooks.shop.example/linkpos")).isEqualTo(WebhookAddresses.Refusal.WEBHOOK_URL_NOT_HTTPS);
    }

    @Test
    void noAddressOfTheNameMayBeInternal() {
        assertThat(refusal("https://two-faced.example/")).isEqualTo(WebhookAddresses.Refusal.WEBHOOK_ADDRESS_NOT_ALLOWED);
        assertThat(refusal("https://metadata.example/")).isEqualTo(WebhookAddresses.Refusal.WEBHOOK_ADDRESS_NOT_ALLOWED);
        assertThat(refusal("https://nowhere.example/")).isEqualTo(WebhookAddresses.Refusal.WEBHOOK_HOST_UNKNOWN);
    }

    @Test
    void internalAddressesOfEveryKind() {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.0.1",
                "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254", "192.0.0.8", "198.18.0.1",
                "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "ff02::1")) {
            assertThat(WebhookAddresses.isPublic(ip(address))).as(address).isFalse();
        }
        for (String address : List.of("93.184.215.14", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111",
                "64:ff9b::808:808")) {
            assertThat(WebhookAddresses.isPublic(ip(address))).as(address).isTrue();
        }
    }

    @Test
    void localDemosMayUseThisMachine() {
        WebhookAddresses demo = new WebhookAddresses(true, host -> {
            throw new UnknownHostException(host);
        });
        assertThat(demo.refusal(URI.create("http://127.0.0.1:9000/hooks"))).isNull();
    }
}

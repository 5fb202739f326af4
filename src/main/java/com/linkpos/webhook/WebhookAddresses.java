package com.linkpos.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go. A merchant names the URL, so without this rule it could make LinkPOS call
 * its own admin API on 127.0.0.1, the cloud's metadata service on 169.254.169.254 or any host of
 * the bank's internal network (server-side request forgery). Only {@code https} to public addresses,
 * checked when an endpoint is registered and again before every delivery, since a name can resolve
 * elsewhere later (DNS rebinding). {@code linkpos.webhooks.allow-private-addresses} lifts both rules
 * for local demos and tests.
 */
@Component
final class WebhookAddresses {

    /** How host names become addresses: the system's resolver, or a fixed table in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL may not be used; each is a field error code of the API. */
    enum Refusal { WEBHOOK_URL_NOT_HTTPS, WEBHOOK_HOST_UNKNOWN, WEBHOOK_ADDRESS_NOT_ALLOWED }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    WebhookAddresses(WebhookSettings settings) {
        this(settings.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    WebhookAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Null when the URL (absolute, with a host) may be used now. */
    Refusal refusal(URI url) {
        if (allowPrivate) {
            return null;
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return Refusal.WEBHOOK_URL_NOT_HTTPS;
        }
        String host = url.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException unknown) {
            return Refusal.WEBHOOK_HOST_UNKNOWN;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Refusal.WEBHOOK_ADDRESS_NOT_ALLOWED;
            }
        }
        return addresses.length == 0 ? Refusal.WEBHOOK_HOST_UNKNOWN : null;
    }

    /** Not loopback, link-local (metadata services), private, shared, reserved, multicast or "this host". */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                          // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))    // 198.18.0.0/15 benchmarking
                    && first < 224;                                    // multicast, 240.0.0.0/4 reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local (also AWS's fd00:ec2::254)
            }
            if (isPrefix(b, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})
                    || isPrefix(b, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})) {
                return isPublic(v4(b, 12)); // NAT64 64:ff9b::/96 and IPv4-compatible ::/96 carry an IPv4 address
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublic(v4(b, 2)); // 6to4 2002::/16 carries one too
            }
        }
        return true;
    }

    private static boolean isPrefix(byte[] address, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] address, int from) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(address, from, from + 4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

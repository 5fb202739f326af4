package com.linkpos.link;

import com.linkpos.platform.PublicAddress;
import org.springframework.stereotype.Component;

/** The public URL of a link's payment page: LinkPOS's public address and the link's unguessable token [L11]. */
@Component
public class LinkUrls {

    private final PublicAddress address;

    LinkUrls(PublicAddress address) {
        this.address = address;
    }

    public String of(Link link) {
        return ofToken(link.token());
    }

    /** The URL of the link whose token this is. */
    String ofToken(String token) {
        return address.base() + "/pay/" + token;
    }

    /** Where payment pages are. */
    public String base() {
        return address.base();
    }
}

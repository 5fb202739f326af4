package com.linkpos.shared;

import java.util.regex.Pattern;

/**
 * A practical check of an e-mail address: the dot-atom form of RFC 5322 with a dotted domain.
 * It refuses whitespace and line breaks, so no address can inject a mail header.
 */
public final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches()
                && address.indexOf('@') <= 64;
    }
}

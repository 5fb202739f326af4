package com.linkpos.link;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * [L7] The bank sends SMS only to Turkish mobile numbers. Accepts the ways people write them
 * (05321234567, 5321234567, +90 532 123 45 67) and gives E.164 (+905321234567).
 */
final class TurkishMobile {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Digits and the usual separators only: libphonenumber alone would also read letters and extensions. */
    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9 ()./-]{7,24}");

    private TurkishMobile() {
    }

    static Optional<String> toE164(String written) {
        if (written == null || !WRITTEN.matcher(written.strip()).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(written.strip(), "TR");
            if (PHONES.isValidNumberForRegion(number, "TR") && PHONES.getNumberType(number) == PhoneNumberType.MOBILE) {
                return Optional.of(PHONES.format(number, PhoneNumberFormat.E164));
            }
            return Optional.empty();
        } catch (NumberParseException unreadable) {
            return Optional.empty();
        }
    }
}

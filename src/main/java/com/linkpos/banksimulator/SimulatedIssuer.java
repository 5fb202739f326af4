package com.linkpos.banksimulator;

import com.linkpos.acquiring.BinTable;
import com.linkpos.acquiring.CardInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The issuing banks behind the simulated gateway: the test cards of API.md (a data file) say what
 * each card does; any other card is approved. The decision is taken from the card in the request
 * that carries it, so the card itself need not be kept for later.
 */
@Component
class SimulatedIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, IssuerOutcome> testCards = new HashMap<>();
    private final BinTable bins;

    SimulatedIssuer(SimulatorSettings settings, BinTable bins) throws IOException {
        this.bins = bins;
        Resource file = new DefaultResourceLoader().getResource(settings.testCardsFile());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("pan,"))
                    .forEach(line -> {
                        String[] cells = line.split(",", 2);
                        testCards.put(cells[0].strip(), IssuerOutcome.parse(cells[1]));
                    });
        }
    }

    /** What the issuer will do with this card; a card past its expiry month is declined 54 like any expired card. */
    IssuerOutcome outcome(String pan, YearMonth expiry, YearMonth thisMonth) {
        IssuerOutcome outcome = testCards.getOrDefault(pan, IssuerOutcome.APPROVE);
        if (expiry.isBefore(thisMonth) && outcome.kind() == IssuerOutcome.Kind.APPROVE) {
            return IssuerOutcome.decline("54");
        }
        return outcome;
    }

    MaskedCard mask(String pan) {
        CardInfo info = bins.lookup(pan);
        return new MaskedCard(MaskedCard.mask(pan), pan.substring(0, 6), info.brand(), info.issuer());
    }

    /** The issuer's answer to charging an authenticated card. */
    Authorization authorize(IssuerOutcome outcome) {
        if (outcome.kind() == IssuerOutcome.Kind.DECLINE) {
            return new Authorization(false, outcome.declineCode(), PayForCode.issuerMessage(outcome.declineCode()), "");
        }
        return new Authorization(true, PayForCode.APPROVED.code, PayForCode.APPROVED.message, "S" + digits(5));
    }

    record Authorization(boolean approved, String code, String message, String authCode) {
    }

    /** Random decimal digits: auth codes, host references, request guids. */
    static String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        out.append(1 + RANDOM.nextInt(9)); // no leading zero: some clients read these as numbers
        for (int i = 1; i < count; i++) {
            out.append(RANDOM.nextInt(10));
        }
        return out.toString();
    }

    /** Random bytes in Base64: CAVV, XID, MD. */
    static String randomBase64(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }

    /** Random bytes in upper-case hex: the middle of EST's md. */
    static String randomHex(int bytes) {
        return java.util.HexFormat.of().withUpperCase().formatHex(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] random = new byte[count];
        RANDOM.nextBytes(random);
        return random;
    }

    /** Whether the digits pass the card number's check digit (Luhn). */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}

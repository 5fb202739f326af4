package com.linkpos.acquiring;

import com.linkpos.acquiring.CardInfo.CardType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The BIN table as data (bin,brand,issuer,program,card_type,country), so a real BIN file can
 * replace the built-in one ({@code linkpos.acquiring.bin-file}). Ranges of 6 or 8 digits; the
 * longest match wins.
 */
@Component
public final class BinTable {

    private final Map<String, CardInfo> byBin = new HashMap<>();

    @Autowired
    BinTable(Acquirers.Settings settings) throws IOException {
        this(new DefaultResourceLoader().getResource(settings.binFile()));
    }

    BinTable(Resource file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 6) {
                    throw new IllegalStateException("BIN table line has not 6 columns: " + line);
                }
                byBin.put(cells[0].strip(), new CardInfo(cells[0].strip(),
                        CardBrand.valueOf(cells[1].strip().toUpperCase(Locale.ROOT)), cells[2].strip(), cells[3].strip(),
                        CardType.valueOf(cells[4].strip().toUpperCase(Locale.ROOT)), cells[5].strip()));
            }
        }
    }

    /** The card's scheme, issuer and program; the brand from the number alone when the table does not know it. */
    public CardInfo lookup(String digits) {
        return find(digits).orElseGet(() -> new CardInfo(digits.substring(0, Math.min(6, digits.length())),
                CardBrand.fromNumber(digits), null, null, CardType.CREDIT, null));
    }

    Optional<CardInfo> find(String digits) {
        for (int length = Math.min(8, digits.length()); length >= 6; length--) {
            CardInfo info = byBin.get(digits.substring(0, length));
            if (info != null) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }
}

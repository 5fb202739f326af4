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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The BIN table as data (bin,brand,issuer,program,card_type,country), so a real BIN file can
 * replace the simulator's. Ranges of 6 or 8 digits; the longest match wins.
 */
@Component
class BinTable {

    private final Map<String, CardInfo> byBin = new HashMap<>();

    BinTable(@Value("${linkpos.simulator.bin-file:classpath:acquiring/bins.csv}") Resource file) throws IOException {
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

    Optional<CardInfo> lookup(String digits) {
        for (int length = Math.min(8, digits.length()); length >= 6; length--) {
            CardInfo info = byBin.get(digits.substring(0, length));
            if (info != null) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }
}

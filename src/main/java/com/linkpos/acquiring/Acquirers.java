package com.linkpos.acquiring;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Which gateway serves a merchant [A1], and what LinkPOS knows of cards before any gateway does:
 * the BIN table [A7]. Every adapter module offers an {@link AcquirerFactory}; a merchant whose
 * terminal the bank has not set up pays through {@code linkpos.acquiring.default-type} (the
 * built-in simulator).
 */
@Service
public class Acquirers {

    /** {@code linkpos.acquiring.*}: the gateway of merchants without their own, and the BIN file. */
    @ConfigurationProperties("linkpos.acquiring")
    record Settings(String defaultType, String binFile) {
        Settings {
            defaultType = defaultType == null ? "SIMULATOR" : defaultType;
            binFile = binFile == null ? "classpath:acquiring/bins.csv" : binFile;
        }
    }

    private final Map<String, AcquirerFactory> factories;
    private final Settings settings;
    private final BinTable bins;

    Acquirers(List<AcquirerFactory> factories, Settings settings, BinTable bins) {
        this.factories = factories.stream().collect(Collectors.toMap(AcquirerFactory::type, Function.identity()));
        this.settings = settings;
        this.bins = bins;
        if (!this.factories.containsKey(settings.defaultType())) {
            throw new IllegalStateException("linkpos.acquiring.default-type " + settings.defaultType()
                    + " is none of the gateways LinkPOS has: " + this.factories.keySet());
        }
    }

    /** The acquirer of this merchant's payments. */
    public Acquirer forMerchant(String merchantId) {
        return factories.get(settings.defaultType()).create(merchantId, Map.of());
    }

    /** [A7] The card's scheme, issuer and program by its BIN; the brand from the number when no table knows it. */
    public CardInfo lookup(String cardNumber) {
        return bins.lookup(cardNumber);
    }
}

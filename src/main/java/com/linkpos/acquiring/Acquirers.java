package com.linkpos.acquiring;

import com.linkpos.platform.PublicAddress;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Which gateway serves a merchant [A1]: every adapter module offers an {@link AcquirerFactory}; the
 * terminal the bank set up for the merchant ({@link Terminals}) picks one. A merchant without one pays
 * through the default terminal ({@code linkpos.acquiring.default-terminal}): out of the box the
 * built-in bank simulator, reached over HTTP like a real bank (an empty {@code gateway-url} means the
 * simulator of this LinkPOS: {@code {public address}/simulator/{type}}).
 */
@Service
public class Acquirers {

    /** {@code linkpos.acquiring.*}: the terminal of merchants without their own, and the BIN file. */
    @ConfigurationProperties("linkpos.acquiring")
    record Settings(Map<String, String> defaultTerminal, String binFile) {
        Settings {
            defaultTerminal = defaultTerminal == null ? Map.of() : Map.copyOf(defaultTerminal);
            binFile = binFile == null ? "classpath:acquiring/bins.csv" : binFile;
        }
    }

    private final Map<String, AcquirerFactory> factories;
    private final Settings settings;
    private final ObjectProvider<Terminals> terminals;
    private final PublicAddress address;
    private final BinTable bins;
    private final MeterRegistry meters;

    Acquirers(List<AcquirerFactory> factories, Settings settings, ObjectProvider<Terminals> terminals,
              PublicAddress address, BinTable bins, MeterRegistry meters) {
        this.factories = factories.stream().collect(Collectors.toMap(AcquirerFactory::type, Function.identity()));
        this.settings = settings;
        this.terminals = terminals;
        this.address = address;
        this.bins = bins;
        this.meters = meters;
        String type = settings.defaultTerminal().get("type");
        if (!this.factories.containsKey(type)) {
            throw new IllegalStateException("linkpos.acquiring.default-terminal.type " + type
                    + " is none of the gateways LinkPOS has: " + this.factories.keySet());
        }
    }

    /** The acquirer of this merchant's payments; its calls to the bank are timed ({@link TimedAcquirer}). */
    public Acquirer forMerchant(String merchantId) {
        Terminals.Terminal terminal = Optional.ofNullable(terminals.getIfAvailable())
                .flatMap(known -> known.of(merchantId)).orElseGet(this::defaultTerminal);
        return new TimedAcquirer(factory(terminal.type()).create(merchantId, terminal.settings()), meters);
    }

    /** The gateways LinkPOS can use, by type. */
    public Map<String, AcquirerFactory> gateways() {
        return Map.copyOf(factories);
    }

    private AcquirerFactory factory(String type) {
        AcquirerFactory factory = factories.get(type);
        if (factory == null) {
            throw new IllegalStateException("no gateway of type " + type);
        }
        return factory;
    }

    private Terminals.Terminal defaultTerminal() {
        Terminals.Terminal configured = new Terminals.Terminal(settings.defaultTerminal().get("type"),
                settings.defaultTerminal());
        if (!configured.settings().getOrDefault("gatewayUrl", "").isBlank()) {
            return configured;
        }
        Map<String, String> terminal = new HashMap<>(configured.settings());
        terminal.put("gatewayUrl", address.base() + "/simulator/" + configured.type().toLowerCase(Locale.ROOT));
        return new Terminals.Terminal(configured.type(), terminal);
    }

    /** [A7] The card's scheme, issuer and program by its BIN; the brand from the number when no table knows it. */
    public CardInfo lookup(String cardNumber) {
        return bins.lookup(cardNumber);
    }
}

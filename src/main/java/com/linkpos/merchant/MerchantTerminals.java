package com.linkpos.merchant;

import com.linkpos.acquiring.AcquirerFactory;
import com.linkpos.acquiring.AcquirerFactory.Preset;
import com.linkpos.acquiring.AcquirerFactory.Setting;
import com.linkpos.acquiring.Acquirers;
import com.linkpos.acquiring.Terminals;
import com.linkpos.platform.PublicAddress;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import com.linkpos.shared.SecretBox;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * [A1][A2] The gateway terminal the bank set up for each merchant: type, settings, and secrets sealed
 * with {@link SecretBox} under a purpose bound to the merchant (a sealed value cannot be moved to
 * another merchant). The acquiring module asks it ({@link Terminals}); the bank changes it through the
 * admin API and its merchant page. Secrets are write-only: {@link #shown} never has them.
 */
@Repository
class MerchantTerminals implements Terminals {

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final ObjectProvider<Acquirers> acquirers;
    private final PublicAddress address;
    private final Clock clock;

    MerchantTerminals(JdbcClient jdbc, SecretBox secrets, JsonMapper json, ObjectProvider<Acquirers> acquirers,
                      PublicAddress address, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.json = json;
        this.acquirers = acquirers;
        this.address = address;
        this.clock = clock;
    }

    private record Row(String type, Map<String, String> settings, String sealed) {
    }

    @Override
    public Optional<Terminal> of(String merchantId) {
        return row(merchantId).map(row -> {
            Map<String, String> all = new LinkedHashMap<>(row.settings());
            all.putAll(json.readValue(secrets.open(purpose(merchantId), row.sealed()), SETTINGS));
            return new Terminal(row.type(), all);
        });
    }

    /** What the bank may see of a merchant's terminal: its type and settings, never its secrets. */
    Optional<Map<String, String>> shown(String merchantId) {
        return row(merchantId).map(row -> {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("type", row.type());
            shown.putAll(row.settings());
            return shown;
        });
    }

    /**
     * Sets up or changes the merchant's terminal. {@code given} holds the type and the settings sent;
     * a setting left out keeps its stored value when the type stays (so a secret need not be sent again);
     * a new type needs all of its own. A {@code preset} (a bank of the gateway) fills in the addresses and
     * programs it knows, and decides the ones it does not name, where they are not sent: only the
     * credentials are kept. Every problem is reported at once, under {@code acquirer.<name>}.
     */
    @Transactional
    void configure(String merchantId, Map<String, String> given) {
        Optional<Terminal> current = of(merchantId);
        List<FieldProblem> errors = new ArrayList<>();
        String type = blankToNull(given.get("type")) != null ? given.get("type").strip()
                : current.map(Terminal::type).orElse(null);
        AcquirerFactory gateway = type == null ? null : acquirers.getObject().gateways().get(type);
        if (gateway == null) {
            errors.add(type == null ? FieldProblem.of("acquirer.type", "required")
                    : FieldProblem.of("acquirer.type", "unknown_gateway", type,
                    String.join(", ", acquirers.getObject().gateways().keySet())));
            throw ProblemException.invalid(errors);
        }
        Map<String, String> kept = current.filter(terminal -> terminal.type().equals(type)).map(Terminal::settings)
                .orElse(Map.of());
        String presetId = blankToNull(given.get("preset"));
        Optional<Preset> preset = presetId == null ? Optional.empty()
                : gateway.presets().stream().filter(known -> known.id().equalsIgnoreCase(presetId.strip())).findFirst();
        if (presetId != null && preset.isEmpty()) {
            throw ProblemException.invalid(List.of(FieldProblem.of("acquirer.preset", "unknown_preset", presetId,
                    String.join(", ", gateway.presets().stream().map(Preset::id).toList()))));
        }
        Map<String, String> filled = preset.map(known -> presetSettings(type, known)).orElse(Map.of());
        Map<String, String> open = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        for (Setting setting : gateway.settings()) {
            String value = blankToNull(given.get(setting.name()));
            boolean credential = setting.secret() || setting.kind() == Setting.Kind.TEXT
                    && !setting.name().equals("installmentPrograms");
            value = value != null ? value.strip() : filled.containsKey(setting.name()) ? filled.get(setting.name())
                    : preset.isPresent() && !credential ? null : kept.get(setting.name());
            String field = "acquirer." + setting.name();
            if (value == null) {
                if (setting.required()) {
                    errors.add(FieldProblem.of(field, "required"));
                }
                continue;
            }
            if (setting.kind() == Setting.Kind.URL && !isWebAddress(value)) {
                errors.add(FieldProblem.of(field, "invalid_gateway_url"));
            } else if (setting.kind() == Setting.Kind.FLAG && !value.equals("true") && !value.equals("false")) {
                errors.add(FieldProblem.of(field, "invalid_type"));
            } else if (value.length() > 500 || value.chars().anyMatch(Character::isISOControl)) {
                errors.add(FieldProblem.of(field, "invalid_characters"));
            }
            (setting.secret() ? secret : open).put(setting.name(), value);
        }
        Map<String, String> known = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        gateway.settings().forEach(setting -> known.put(setting.name(), setting.name()));
        given.keySet().stream().filter(name -> !name.equals("type") && !name.equals("preset") && !known.containsKey(name)
                        && blankToNull(given.get(name)) != null)
                .forEach(name -> errors.add(FieldProblem.of("acquirer." + name, "not_a_setting_of_gateway", type)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        jdbc.sql("""
                        INSERT INTO merchant_terminals (merchant_id, type, settings, secrets, updated_at)
                        VALUES (:merchant, :type, CAST(:settings AS jsonb), :secrets, :now)
                        ON CONFLICT (merchant_id) DO UPDATE SET type = EXCLUDED.type, settings = EXCLUDED.settings,
                            secrets = EXCLUDED.secrets, updated_at = EXCLUDED.updated_at""")
                .param("merchant", merchantId).param("type", type).param("settings", json.writeValueAsString(open))
                .param("secrets", secrets.seal(purpose(merchantId), json.writeValueAsString(secret)))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /**
     * The settings a preset fills in; the built-in simulator's addresses are this LinkPOS's own
     * ({@code {public address}/simulator/{type}}, and its URL settings given as paths under it).
     */
    Map<String, String> presetSettings(String type, Preset preset) {
        if (!preset.simulated()) {
            return preset.settings();
        }
        String simulator = address.base() + "/simulator/" + type.toLowerCase(Locale.ROOT);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("gatewayUrl", simulator);
        preset.settings().forEach((name, value) -> settings.put(name, value.startsWith("/") ? simulator + value : value));
        return settings;
    }

    /** Back to the built-in simulator (the default terminal). */
    @Transactional
    void remove(String merchantId) {
        jdbc.sql("DELETE FROM merchant_terminals WHERE merchant_id = :merchant").param("merchant", merchantId).update();
    }

    /** Secrets sealed under a key since rotated out of first place are sealed again at start. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void sealSecrets() {
        jdbc.sql("SELECT merchant_id, secrets FROM merchant_terminals FOR UPDATE")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .filter(terminal -> !secrets.isCurrent(terminal.getValue()))
                .forEach(terminal -> jdbc.sql("UPDATE merchant_terminals SET secrets = :secrets WHERE merchant_id = :merchant")
                        .param("secrets", secrets.seal(purpose(terminal.getKey()),
                                secrets.open(purpose(terminal.getKey()), terminal.getValue())))
                        .param("merchant", terminal.getKey()).update());
    }

    private Optional<Row> row(String merchantId) {
        return jdbc.sql("SELECT type, settings::text AS settings, secrets FROM merchant_terminals WHERE merchant_id = :merchant")
                .param("merchant", merchantId)
                .query((rs, row) -> new Row(rs.getString("type"), json.readValue(rs.getString("settings"), SETTINGS),
                        rs.getString("secrets")))
                .optional();
    }

    private static String purpose(String merchantId) {
        return "merchant-terminal:" + merchantId;
    }

    /** An absolute http(s) address with a host and no user info. */
    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException unreadable) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

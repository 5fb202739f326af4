package com.linkpos.fraud;

import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.FreeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * [S4] One set of fraud rules: the bank's, or a merchant's. A card is refused when its first digits start
 * with a blocked BIN, its BIN says a blocked country or issuer program, or when the attempts already made
 * in the last hour with the card, from the payer's address or at the link reach a limit (null: no limit).
 */
@Schema(name = "FraudRules", description = "[S4] Cards refused before 3-D Secure (`card_blocked`). A merchant's and "
        + "the bank's rules both apply: a card either blocks is refused; the bank's limits count attempts at every "
        + "merchant, a merchant's its own. In a PATCH a member left out keeps its value and null clears it.")
public record FraudRules(
        @ArraySchema(arraySchema = @Schema(description = "BINs (6 or 8 digits) whose cards are refused."),
                schema = @Schema(pattern = "^(\\d{6}|\\d{8})$", example = "400000")) List<String> blockedBins,
        @ArraySchema(arraySchema = @Schema(description = "Card countries (ISO 3166 alpha-2, from the BIN) refused."),
                schema = @Schema(pattern = "^[A-Z]{2}$", example = "RU")) List<String> blockedCountries,
        @ArraySchema(arraySchema = @Schema(description = "Issuer programs (as the BIN table names them) refused; "
                + "case does not matter."), schema = @Schema(maxLength = PROGRAM_LENGTH, example = "HSBC Advantage"))
        List<String> blockedPrograms,
        @Schema(nullable = true, minimum = "1", maximum = "10000", description = "Attempts a card (by its keyed "
                + "fingerprint) may make in an hour; null: no limit.", example = "5") Integer maxAttemptsPerCardPerHour,
        @Schema(nullable = true, minimum = "1", maximum = "10000", description = "Attempts from one payer address in "
                + "an hour; null: no limit.") Integer maxAttemptsPerAddressPerHour,
        @Schema(nullable = true, minimum = "1", maximum = "10000", description = "Attempts at one link in an hour; "
                + "null: no limit.") Integer maxAttemptsPerLinkPerHour) {

    public static final FraudRules NONE = new FraudRules(List.of(), List.of(), List.of(), null, null, null);
    public static final int MOST_ATTEMPTS = 10_000;
    static final int PROGRAM_LENGTH = 100;
    static final int MOST_ENTRIES = 1_000;

    private static final Pattern BIN = Pattern.compile("\\d{6}|\\d{8}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final List<String> LISTS = List.of("blockedBins", "blockedCountries", "blockedPrograms");
    private static final List<String> LIMITS = List.of("maxAttemptsPerCardPerHour", "maxAttemptsPerAddressPerHour",
            "maxAttemptsPerLinkPerHour");

    public FraudRules {
        blockedBins = List.copyOf(blockedBins);
        blockedCountries = List.copyOf(blockedCountries);
        blockedPrograms = List.copyOf(blockedPrograms);
    }

    /** Which rule refused a card; {@link #tag} names it in metrics and in the refused sale's message. */
    public enum Rule {
        BLOCKED_BIN, BLOCKED_COUNTRY, BLOCKED_PROGRAM, CARD_VELOCITY, ADDRESS_VELOCITY, LINK_VELOCITY;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What the rules look at of a card: its first (up to 8) digits, never the whole number, and what the
     * BIN table says of its country and issuer program (null where it does not know).
     */
    public record Card(String firstDigits, String country, String program) {
        public Card {
            firstDigits = firstDigits.substring(0, Math.min(8, firstDigits.length()));
        }
    }

    /** Payment attempts made in the last hour: with the card (its fingerprint), from the payer's address, at the link. */
    public record Attempts(long card, long address, long link) {
        public static final Attempts NONE = new Attempts(0, 0, 0);
    }

    /** Whether any limit counts attempts (if none does, nobody needs to count them). */
    @JsonIgnore
    public boolean countsAttempts() {
        return maxAttemptsPerCardPerHour != null || maxAttemptsPerAddressPerHour != null || maxAttemptsPerLinkPerHour != null;
    }

    /**
     * The rule that refuses this card, if one does: blocks first (they say most about the card), then the
     * limits. An attempt is refused when the ones already made reach the limit: with 5, the sixth in an hour.
     */
    public Optional<Rule> verdict(Card card, Attempts made) {
        if (blockedBins.stream().anyMatch(card.firstDigits()::startsWith)) {
            return Optional.of(Rule.BLOCKED_BIN);
        }
        if (card.country() != null && blockedCountries.contains(card.country().toUpperCase(Locale.ROOT))) {
            return Optional.of(Rule.BLOCKED_COUNTRY);
        }
        if (card.program() != null && blockedPrograms.stream().anyMatch(card.program().strip()::equalsIgnoreCase)) {
            return Optional.of(Rule.BLOCKED_PROGRAM);
        }
        if (reached(made.card(), maxAttemptsPerCardPerHour)) {
            return Optional.of(Rule.CARD_VELOCITY);
        }
        if (reached(made.address(), maxAttemptsPerAddressPerHour)) {
            return Optional.of(Rule.ADDRESS_VELOCITY);
        }
        if (reached(made.link(), maxAttemptsPerLinkPerHour)) {
            return Optional.of(Rule.LINK_VELOCITY);
        }
        return Optional.empty();
    }

    private static boolean reached(long made, Integer limit) {
        return limit != null && made >= limit;
    }

    /**
     * The rules as the API's JSON gives them, each member checked; a bad one is named
     * ({@code prefix}{@code blockedBins.0}) in {@code errors}. A member left out keeps its value in
     * {@code base} (a merge patch: the merchant's rules now; {@link #NONE} for a replacement); null clears it.
     */
    public static FraudRules read(JsonNode given, FraudRules base, String prefix, List<FieldProblem> errors) {
        if (given == null || given.isNull()) {
            return base;
        }
        if (!given.isObject()) {
            errors.add(FieldProblem.of(field(prefix, null), "invalid_type"));
            return base;
        }
        for (String name : given.propertyNames()) {
            if (!LISTS.contains(name) && !LIMITS.contains(name)) {
                errors.add(FieldProblem.of(prefix + name, "unknown_field"));
            }
        }
        List<List<String>> lists = new ArrayList<>();
        for (String name : LISTS) {
            JsonNode list = given.get(name);
            lists.add(list == null ? base.list(name) : list.isNull() ? List.of() : entries(list, name, prefix, errors));
        }
        List<Integer> limits = new ArrayList<>();
        for (String name : LIMITS) {
            JsonNode limit = given.get(name);
            limits.add(limit == null ? base.limit(name) : limit.isNull() ? null : limit(limit, prefix + name, errors));
        }
        return new FraudRules(lists.get(0), lists.get(1), lists.get(2), limits.get(0), limits.get(1), limits.get(2));
    }

    /**
     * The rules as the bank portal's form gives them: lists comma-separated (programs also one a line), an
     * empty limit none. Fields are named as in the API.
     */
    public static FraudRules fromForm(Map<String, String> form, List<FieldProblem> errors) {
        List<List<String>> lists = new ArrayList<>();
        for (String name : LISTS) {
            String typed = form.getOrDefault(name, "");
            String[] parts = typed.strip().isEmpty() ? new String[0]
                    : typed.strip().split(name.equals("blockedPrograms") ? "\\s*[,\\n]\\s*" : "[\\s,;]+");
            lists.add(checked(name, "", Arrays.stream(parts).map(String::strip).filter(part -> !part.isEmpty()).toList(),
                    errors));
        }
        List<Integer> limits = new ArrayList<>();
        for (String name : LIMITS) {
            String typed = form.getOrDefault(name, "").strip();
            Integer limit = null;
            if (!typed.isEmpty()) {
                try {
                    limit = inRange(Integer.parseInt(typed), name, errors);
                } catch (NumberFormatException notANumber) {
                    errors.add(FieldProblem.of(name, "attempt_limit_out_of_range", 1, MOST_ATTEMPTS));
                }
            }
            limits.add(limit);
        }
        return new FraudRules(lists.get(0), lists.get(1), lists.get(2), limits.get(0), limits.get(1), limits.get(2));
    }

    /** Each rule in the API's words ("400000, 41111111"; a limit's number; empty: none), for the audit log and forms. */
    @JsonIgnore
    public Map<String, String> written() {
        Map<String, String> written = new LinkedHashMap<>();
        for (String name : LISTS) {
            written.put(name, String.join(", ", list(name)));
        }
        for (String name : LIMITS) {
            Integer limit = limit(name);
            written.put(name, limit == null ? "" : limit.toString());
        }
        return written;
    }

    private List<String> list(String name) {
        return switch (name) {
            case "blockedBins" -> blockedBins;
            case "blockedCountries" -> blockedCountries;
            default -> blockedPrograms;
        };
    }

    private Integer limit(String name) {
        return switch (name) {
            case "maxAttemptsPerCardPerHour" -> maxAttemptsPerCardPerHour;
            case "maxAttemptsPerAddressPerHour" -> maxAttemptsPerAddressPerHour;
            default -> maxAttemptsPerLinkPerHour;
        };
    }

    private static List<String> entries(JsonNode list, String name, String prefix, List<FieldProblem> errors) {
        if (!list.isArray()) {
            errors.add(FieldProblem.of(prefix + name, "invalid_type"));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (!entry.isString()) {
                errors.add(FieldProblem.of(prefix + name + "." + i, "invalid_type"));
                texts.add("");
            } else {
                texts.add(entry.asString());
            }
        }
        List<FieldProblem> own = new ArrayList<>();
        List<String> checked = checked(name, prefix, texts, own);
        // a wrong type is already named at its index
        own.stream().filter(problem -> errors.stream().noneMatch(e -> e.field().equals(problem.field()))).forEach(errors::add);
        return checked;
    }

    /** A list's entries, checked one by one and named by index, written the one way (countries upper case), once each. */
    private static List<String> checked(String name, String prefix, List<String> entries, List<FieldProblem> errors) {
        if (entries.size() > MOST_ENTRIES) {
            errors.add(FieldProblem.of(prefix + name, "too_many_entries", MOST_ENTRIES));
            return List.of();
        }
        Function<String, String> normal = name.equals("blockedCountries") ? text -> text.strip().toUpperCase(Locale.ROOT)
                : String::strip;
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = normal.apply(entries.get(i));
            String problem = switch (name) {
                case "blockedBins" -> BIN.matcher(entry).matches() ? null : "bin_invalid";
                case "blockedCountries" -> COUNTRIES.contains(entry) ? null : "country_invalid";
                default -> entry.isEmpty() || entry.length() > PROGRAM_LENGTH || entry.chars().anyMatch(Character::isISOControl)
                        || FreeText.hasHiddenCharacters(entry) ? "program_invalid" : null;
            };
            if (problem != null) {
                errors.add(problem.equals("program_invalid")
                        ? FieldProblem.of(prefix + name + "." + i, problem, PROGRAM_LENGTH)
                        : FieldProblem.of(prefix + name + "." + i, problem));
            } else {
                kept.add(entry);
            }
        }
        return List.copyOf(kept);
    }

    private static Integer limit(JsonNode limit, String field, List<FieldProblem> errors) {
        if (!limit.isIntegralNumber() || !limit.canConvertToInt()) {
            errors.add(FieldProblem.of(field, "attempt_limit_out_of_range", 1, MOST_ATTEMPTS));
            return null;
        }
        return inRange(limit.asInt(), field, errors);
    }

    private static Integer inRange(int limit, String field, List<FieldProblem> errors) {
        if (limit < 1 || limit > MOST_ATTEMPTS) {
            errors.add(FieldProblem.of(field, "attempt_limit_out_of_range", 1, MOST_ATTEMPTS));
            return null;
        }
        return limit;
    }

    /** The rules' own field: the member of the merchant ("fraudRules."), or the whole body of the bank's. */
    private static String field(String prefix, String name) {
        String whole = prefix.isEmpty() ? "fraudRules" : prefix.substring(0, prefix.length() - 1);
        return name == null ? whole : prefix + name;
    }
}

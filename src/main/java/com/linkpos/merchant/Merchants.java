package com.linkpos.merchant;

import com.linkpos.platform.Role;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.FreeText;
import com.linkpos.shared.Ids;
import com.linkpos.shared.ProblemException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The merchants the bank has onboarded, and their first admin users. */
@Service
public class Merchants {

    private final JdbcClient jdbc;
    private final Users users;
    private final Clock clock;

    Merchants(JdbcClient jdbc, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    public Optional<Merchant> find(String id) {
        return jdbc.sql("SELECT * FROM merchants WHERE id = :id").param("id", id)
                .query(Merchants::map).optional();
    }

    public Merchant get(String id) {
        return find(id).orElseThrow(ProblemException::notFound);
    }

    /** The names of these merchants, by id, in one read (pages that list other modules' rows by merchant). */
    public Map<String, String> names(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT id, name FROM merchants WHERE id IN (:ids)").param("ids", List.copyOf(new java.util.HashSet<>(ids)))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> names.put(rs.getString("id"), rs.getString("name")));
        return names;
    }

    public List<Merchant> all() {
        return jdbc.sql("SELECT * FROM merchants ORDER BY name, id").query(Merchants::map).list();
    }

    /** Onboards a merchant with its first MERCHANT_ADMIN user, all or nothing. */
    @Transactional
    public Merchant create(MerchantTerms terms, String adminUsername, String adminPassword) {
        Instant now = clock.instant();
        String id = Ids.newId("mer");
        jdbc.sql("""
                INSERT INTO merchants (id, name, email, foreign_currencies, max_installments, notify_on_payment,
                                       created_at, updated_at)
                VALUES (:id, :name, :email, :currencies, :max, :notify, :now, :now)""")
                .param("id", id).param("name", terms.name()).param("email", terms.email())
                .param("currencies", codes(terms.foreignCurrencies()))
                .param("max", terms.maxInstallments()).param("notify", terms.notifyOnPayment())
                .param("now", Timestamp.from(now))
                .update();
        users.create(id, adminUsername, adminPassword, Role.MERCHANT_ADMIN);
        return get(id);
    }

    @Transactional
    public Merchant update(String id, MerchantTerms terms) {
        int updated = jdbc.sql("""
                UPDATE merchants SET name = :name, email = :email, foreign_currencies = :currencies,
                       max_installments = :max, notify_on_payment = :notify, updated_at = :now WHERE id = :id""")
                .param("id", id).param("name", terms.name()).param("email", terms.email())
                .param("currencies", codes(terms.foreignCurrencies()))
                .param("max", terms.maxInstallments()).param("notify", terms.notifyOnPayment())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (updated == 0) {
            throw ProblemException.notFound();
        }
        return get(id);
    }

    /** Checked settings of a merchant, as the bank gives them. */
    public record MerchantTerms(String name, String email, Set<Currency> foreignCurrencies, int maxInstallments,
                                boolean notifyOnPayment) {

        public static MerchantTerms validate(String name, String email, List<String> currencies, Integer maxInstallments,
                                             Boolean notifyOnPayment, List<FieldProblem> errors) {
            String cleanName = name == null ? "" : name.strip();
            if (cleanName.isEmpty() || cleanName.length() > 200) {
                errors.add(FieldProblem.of("name", cleanName.isEmpty() ? "required" : "too_long", 200));
            } else if (cleanName.chars().anyMatch(Character::isISOControl) || FreeText.hasHiddenCharacters(cleanName)) {
                errors.add(FieldProblem.of("name", "invalid_characters"));
            }
            String cleanEmail = email == null || email.isBlank() ? null : email.strip();
            if (cleanEmail != null && !com.linkpos.shared.EmailAddresses.isValid(cleanEmail)) {
                errors.add(FieldProblem.of("email", "invalid_email"));
            }
            Set<Currency> foreign = EnumSet.noneOf(Currency.class);
            for (String code : currencies == null ? List.<String>of() : currencies) {
                Optional<Currency> currency = Currency.fromCode(code);
                if (currency.isEmpty() || !currency.get().isForeign()) {
                    errors.add(FieldProblem.of("foreignCurrencies", "unknown_currency", code));
                } else {
                    foreign.add(currency.get());
                }
            }
            int max = maxInstallments == null ? 1 : maxInstallments;
            if (max < 1 || max > Merchant.INSTALLMENT_LIMIT) {
                errors.add(FieldProblem.of("maxInstallments", "installments_out_of_range", Merchant.INSTALLMENT_LIMIT));
            }
            return new MerchantTerms(cleanName, cleanEmail, foreign, max, !Boolean.FALSE.equals(notifyOnPayment));
        }
    }

    private static String[] codes(Set<Currency> currencies) {
        return currencies.stream().sorted().map(Currency::name).toArray(String[]::new);
    }

    private static Merchant map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("foreign_currencies");
        Set<Currency> currencies = Arrays.stream((String[]) array.getArray())
                .map(code -> Currency.fromCode(code).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Currency.class)));
        return new Merchant(rs.getString("id"), rs.getString("name"), rs.getString("email"), currencies,
                rs.getInt("max_installments"), rs.getBoolean("notify_on_payment"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
